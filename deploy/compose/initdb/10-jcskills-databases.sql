-- One database per service (docs/DESIGN.md §5). Run once by the postgres image, on an empty
-- data volume, as the POSTGRES_USER of deploy/compose/compose.yaml.
CREATE DATABASE jcskills_gateway;
CREATE DATABASE jcskills_registry;
CREATE DATABASE jcskills_training;
CREATE DATABASE jcskills_evaluation;
CREATE DATABASE jcskills_competition;
