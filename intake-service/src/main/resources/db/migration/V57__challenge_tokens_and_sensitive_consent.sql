-- The form's challenge (issue 24, SMS pumping): each signed challenge token may be answered once. A used
-- token's random nonce is kept until the token would have expired anyway, then purged.
create table challenge_used (
    nonce      varchar(40)  primary key,
    expires_at timestamptz  not null
);

-- The privacy notice asks separately for consent to sensitive information (health, disability, income;
-- PIPL art. 28/29): recorded with the application. NULL: not asked (hotline, monitoring alerts, older rows).
alter table application add column sensitive_consent boolean;
