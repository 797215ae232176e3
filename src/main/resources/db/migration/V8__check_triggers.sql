-- What started a stored test, as the Connection tab's history shows it: a person's Test Connection (MANUAL), a setup
-- form's test kept when the form was saved (FORM), Run diagnostics (DIAGNOSTICS), the health scheduler (SCHEDULED).
ALTER TABLE integration_check DROP CONSTRAINT ck_integration_check_trigger;
ALTER TABLE integration_check ADD CONSTRAINT ck_integration_check_trigger
    CHECK (trigger_kind IN ('MANUAL', 'FORM', 'DIAGNOSTICS', 'SCHEDULED'));
