-- Limits that hold for the whole cluster (docs/decisions/0017): the sign-in throttle and the Test Connection limits
-- keep their state here instead of in each instance's memory, so that every instance sharing the database counts the
-- same failures and the same tests. Rows are short-lived: each limit deletes what it no longer needs as it goes.

-- The sign-in throttle: failures per account and source address (a pair), and per account from anywhere (address
-- '*', which no source address can be). forget_after is when a quiet counter is forgotten.
CREATE TABLE login_failure (
    account       VARCHAR(320) NOT NULL,
    address       VARCHAR(64)  NOT NULL,
    failures      INTEGER      NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    last_failure  TIMESTAMP WITH TIME ZONE NOT NULL,
    forget_after  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_login_failure PRIMARY KEY (account, address)
);
CREATE INDEX ix_login_failure_forget_after ON login_failure (forget_after);
CREATE INDEX ix_login_failure_locked_until ON login_failure (locked_until);

-- Test Connection, one test at a time per integration or form in the whole cluster: a row per running test, taken by
-- an instance until it releases it or its lease ends (an instance killed while testing leaves a row nobody releases).
CREATE TABLE check_slot (
    slot_key      VARCHAR(200) NOT NULL,
    instance_id   VARCHAR(64)  NOT NULL,
    scheduled     BOOLEAN      NOT NULL,
    lease_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_check_slot PRIMARY KEY (slot_key)
);
CREATE INDEX ix_check_slot_instance ON check_slot (instance_id, scheduled);

-- Test Connection, tests per user in any minute: one row per user, locked while that user's recent tests are counted,
-- and one row per test started in the last minute.
CREATE TABLE check_user (
    user_name     VARCHAR(320) NOT NULL,
    CONSTRAINT pk_check_user PRIMARY KEY (user_name)
);
CREATE TABLE check_start (
    user_name     VARCHAR(320) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_check_start_user ON check_start (user_name, started_at);
