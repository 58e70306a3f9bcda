CREATE TABLE action (
	id VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	effort INTEGER NOT NULL, 
	owner VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	due VARCHAR, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE action_link (
	id VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	pain VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_action_link_action ON action_link (action);

CREATE INDEX ix_action_link_pain ON action_link (pain);

CREATE TABLE dimension (
	id VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	weight FLOAT, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE handoff (
	id VARCHAR NOT NULL, 
	journey VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	target VARCHAR NOT NULL, 
	label VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_handoff_journey ON handoff (journey);

CREATE TABLE influence (
	id VARCHAR NOT NULL, 
	journey VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	stage VARCHAR NOT NULL, 
	weight INTEGER NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_influence_journey ON influence (journey);

CREATE TABLE journey (
	id VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	segment VARCHAR NOT NULL, 
	description VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE lane (
	id VARCHAR NOT NULL, 
	journey VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_lane_journey ON lane (journey);

CREATE TABLE meta (
	"key" VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE pain_point (
	id VARCHAR NOT NULL, 
	touchpoint VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	severity INTEGER NOT NULL, 
	frequency INTEGER NOT NULL, 
	dimension VARCHAR NOT NULL, 
	evidence VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_pain_point_touchpoint ON pain_point (touchpoint);

CREATE TABLE phase (
	id VARCHAR NOT NULL, 
	journey VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_phase_journey ON phase (journey);

CREATE TABLE project (
	id VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	client VARCHAR NOT NULL, 
	language VARCHAR NOT NULL, 
	vote_weight FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE role (
	id VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	color VARCHAR NOT NULL, 
	default_influence INTEGER NOT NULL, 
	description VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE stage (
	id VARCHAR NOT NULL, 
	journey VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	phase VARCHAR, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_stage_journey ON stage (journey);

CREATE TABLE touchpoint (
	id VARCHAR NOT NULL, 
	journey VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	stage VARCHAR NOT NULL, 
	title VARCHAR NOT NULL, 
	description VARCHAR NOT NULL, 
	channel VARCHAR NOT NULL, 
	channel_detail VARCHAR NOT NULL, 
	emotion INTEGER, 
	scores VARCHAR NOT NULL, 
	metrics VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_touchpoint_journey ON touchpoint (journey);

CREATE TABLE vote (
	id VARCHAR NOT NULL, 
	participant VARCHAR NOT NULL, 
	target VARCHAR NOT NULL, 
	position FLOAT NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_vote_target ON vote (target);
