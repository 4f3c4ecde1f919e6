-- A migration of a later clm version, for the test that refuses a newer schema.
CREATE TABLE clm_future_table (id INT NOT NULL PRIMARY KEY);
