-- Two databases on the PostgreSQL service: newswatch's own, and the Prefect server's.
CREATE USER newswatch WITH PASSWORD 'change-me';
CREATE DATABASE newswatch OWNER newswatch;
CREATE USER prefect WITH PASSWORD 'change-me';
CREATE DATABASE prefect OWNER prefect;
