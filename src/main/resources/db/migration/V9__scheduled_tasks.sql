-- db-scheduler's table (docs/decisions/0014): one row per persistent task instance, here one recurring re-check per
-- enabled integration (task_name 'integration-recheck', task_instance the integration's id). Instances sharing the
-- database pick a due row with an optimistic update of version (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED), so
-- exactly one runs it; a picked row whose last_heartbeat stops moving belonged to a dead instance and is run again.
-- Column names and types are db-scheduler's own; varchar rather than text so H2 can index them.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    CONSTRAINT pk_scheduled_tasks PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
