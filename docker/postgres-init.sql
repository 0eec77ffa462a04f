-- Run once by the postgres image when its data volume is first initialised
-- (/docker-entrypoint-initdb.d): one database per service, as in DESIGN.md.
CREATE DATABASE intake;
CREATE DATABASE triage;
CREATE DATABASE sla;
CREATE DATABASE notification;
CREATE DATABASE survey;
