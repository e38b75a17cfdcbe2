-- One E.164 rule everywhere (docs/protocol.md §1.2): '+', then 2 to 15 digits, the first not 0 — a country
-- calling code and at least one more digit. V4 allowed a single digit, which a request signature's keyid never
-- did, so such an account could have been certified but never have signed a request.
ALTER TABLE account DROP CONSTRAINT account_number_check;
ALTER TABLE account ADD CONSTRAINT account_number_e164 CHECK (number ~ '^\+[1-9][0-9]{1,14}$');
