-- A migration that fails on the rows already stored: the database's message quotes a customer key.
INSERT INTO clm_customer (customer_key, due_at, record) SELECT customer_key, due_at, record FROM clm_customer;
