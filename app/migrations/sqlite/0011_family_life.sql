CREATE TRIGGER legal_statuses_claim_id AFTER INSERT ON legal_statuses
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'legal_status');
END;

CREATE TRIGGER findings_claim_id AFTER INSERT ON findings
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'finding');
END;

-- Statuses and findings kept before this history: a new id each, made as a version 4 UUID.
INSERT INTO legal_statuses (id, family_id, member_id, kind, initial_category, latest_category, started_on, version, created_at, updated_at)
SELECT
    lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
    family_id, member_id, kind, category, category, started_on, 1, created_at, created_at
FROM (
    SELECT hex(randomblob(16)) AS h, m.family_id, m.id AS member_id, m.legal_status AS kind,
        CASE WHEN m.legal_status <> 'child_protection_plan' THEN NULL WHEN m.protection_category = 'neglect' THEN 'NEG' WHEN m.protection_category = 'physical' THEN 'PHY' WHEN m.protection_category = 'emotional' THEN 'EMO' WHEN m.protection_category = 'sexual' THEN 'SAB' END AS category,
        strftime('%Y-%m-%d', f.created_at / 1000, 'unixepoch') AS started_on, f.created_at
    FROM members m JOIN families f ON f.id = m.family_id
    WHERE m.legal_status IN ('child_in_need', 'child_protection_plan', 'pre_proceedings', 'care_proceedings')
      AND (m.legal_status <> 'child_protection_plan' OR m.protection_category IS NOT NULL)
);

INSERT INTO findings (id, family_id, member_id, concern, identified_by, identified_on, version, created_at, updated_at)
SELECT
    lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
    family_id, member_id, concern, identified_by, identified_on, 1, created_at, created_at
FROM (
    SELECT hex(randomblob(16)) AS h, tf.family_id,
        (SELECT m.id FROM members m WHERE m.family_id = tf.family_id AND m.kind = 'adult' ORDER BY m.position LIMIT 1) AS member_id,
        CASE tf.vulnerability WHEN 'domestic_abuse' THEN '3B' WHEN 'substance_misuse' THEN '2B' ELSE '4B' END AS concern,
        tf.identified_by, tf.identified_on, f.created_at
    FROM trio_findings tf JOIN families f ON f.id = tf.family_id
)
WHERE member_id IS NOT NULL;

DROP TABLE trio_findings;
