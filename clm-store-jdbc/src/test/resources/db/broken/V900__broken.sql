-- A migration that fails half-way, for the tests of Flyway's guarantees.
CREATE TABLE clm_half_table (id INT NOT NULL PRIMARY KEY);
INSERT INTO clm_no_such_table (id) VALUES (1);
