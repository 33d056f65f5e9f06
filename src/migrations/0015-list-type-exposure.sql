-- The public portal's exposure page (曝光台, seed 五.(二)) shows serious black-list cases of the list types the credit
-- office marks. The mark is part of a list type's versioned content (its snapshot in list_type_versions holds it).
ALTER TABLE list_types ADD COLUMN exposed boolean NOT NULL DEFAULT false;
