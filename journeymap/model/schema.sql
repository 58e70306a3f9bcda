CREATE TABLE action (
	id VARCHAR NOT NULL, 
	title VARCHAR DEFAULT '' NOT NULL, 
	effort INTEGER DEFAULT 3 NOT NULL, 
	owner VARCHAR DEFAULT '' NOT NULL, 
	status VARCHAR DEFAULT 'idea' NOT NULL, 
	due VARCHAR, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT effort_range CHECK (effort BETWEEN 1 AND 5), 
	CONSTRAINT status_choice CHECK (status IN ('idea', 'planned', 'doing', 'done', 'dropped')), 
	CONSTRAINT due_date CHECK (due IS NULL OR date(julianday(due)) IS due)
);

CREATE TABLE action_link (
	id VARCHAR NOT NULL, 
	action VARCHAR DEFAULT '' NOT NULL, 
	pain VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_action_link_action ON action_link (action);

CREATE INDEX ix_action_link_pain ON action_link (pain);

CREATE TABLE dimension (
	id VARCHAR NOT NULL, 
	name VARCHAR DEFAULT '' NOT NULL, 
	kind VARCHAR DEFAULT 'rational' NOT NULL, 
	weight FLOAT, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT kind_choice CHECK (kind IN ('rational', 'emotional')), 
	CONSTRAINT weight_range CHECK (weight IS NULL OR weight BETWEEN 0 AND 10)
);

CREATE TABLE handoff (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	source VARCHAR DEFAULT '' NOT NULL, 
	target VARCHAR DEFAULT '' NOT NULL, 
	label VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_handoff_journey ON handoff (journey);

CREATE TABLE influence (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	role VARCHAR DEFAULT '' NOT NULL, 
	stage VARCHAR DEFAULT '' NOT NULL, 
	weight INTEGER DEFAULT 3 NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT weight_range CHECK (weight BETWEEN 0 AND 5)
);

CREATE INDEX ix_influence_journey ON influence (journey);

CREATE TABLE journey (
	id VARCHAR NOT NULL, 
	name VARCHAR DEFAULT '' NOT NULL, 
	segment VARCHAR DEFAULT '' NOT NULL, 
	description VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	variant_of VARCHAR, 
	PRIMARY KEY (id)
);

CREATE TABLE lane (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	role VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_lane_journey ON lane (journey);

CREATE TABLE meta (
	"key" VARCHAR NOT NULL, 
	value VARCHAR DEFAULT '' NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE pain_point (
	id VARCHAR NOT NULL, 
	touchpoint VARCHAR DEFAULT '' NOT NULL, 
	title VARCHAR DEFAULT '' NOT NULL, 
	severity INTEGER DEFAULT 3 NOT NULL, 
	frequency INTEGER DEFAULT 3 NOT NULL, 
	dimension VARCHAR DEFAULT '' NOT NULL, 
	evidence VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT severity_range CHECK (severity BETWEEN 1 AND 5), 
	CONSTRAINT frequency_range CHECK (frequency BETWEEN 1 AND 5)
);

CREATE INDEX ix_pain_point_touchpoint ON pain_point (touchpoint);

CREATE TABLE persona (
	id VARCHAR NOT NULL, 
	profile VARCHAR DEFAULT '' NOT NULL, 
	goals VARCHAR DEFAULT '[]' NOT NULL, 
	criteria VARCHAR DEFAULT '[]' NOT NULL, 
	worries VARCHAR DEFAULT '[]' NOT NULL, 
	quote VARCHAR DEFAULT '' NOT NULL, 
	headcount INTEGER, 
	photo BLOB, 
	PRIMARY KEY (id), 
	CONSTRAINT headcount_range CHECK (headcount IS NULL OR headcount BETWEEN 0 AND 1000000)
);

CREATE TABLE phase (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	name VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_phase_journey ON phase (journey);

CREATE TABLE project (
	id VARCHAR NOT NULL, 
	title VARCHAR DEFAULT '' NOT NULL, 
	client VARCHAR DEFAULT '' NOT NULL, 
	language VARCHAR DEFAULT 'en' NOT NULL, 
	vote_weight FLOAT DEFAULT (0.5) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT language_choice CHECK (language IN ('en', 'ja')), 
	CONSTRAINT vote_weight_range CHECK (vote_weight BETWEEN 0 AND 10)
);

CREATE TABLE role (
	id VARCHAR NOT NULL, 
	name VARCHAR DEFAULT '' NOT NULL, 
	color VARCHAR DEFAULT '#3465a4' NOT NULL, 
	default_influence INTEGER DEFAULT 3 NOT NULL, 
	description VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT default_influence_range CHECK (default_influence BETWEEN 0 AND 5), 
	CONSTRAINT color_format CHECK (color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]')
);

CREATE TABLE stage (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	name VARCHAR DEFAULT '' NOT NULL, 
	phase VARCHAR, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	variant_of VARCHAR, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_stage_journey ON stage (journey);

CREATE TABLE survey_label (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	label VARCHAR DEFAULT '' NOT NULL, 
	touchpoint VARCHAR DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_survey_label_journey ON survey_label (journey);

CREATE INDEX ix_survey_label_touchpoint ON survey_label (touchpoint);

CREATE TABLE touchpoint (
	id VARCHAR NOT NULL, 
	journey VARCHAR DEFAULT '' NOT NULL, 
	role VARCHAR DEFAULT '' NOT NULL, 
	stage VARCHAR DEFAULT '' NOT NULL, 
	title VARCHAR DEFAULT '' NOT NULL, 
	description VARCHAR DEFAULT '' NOT NULL, 
	channel VARCHAR DEFAULT 'digital' NOT NULL, 
	channel_detail VARCHAR DEFAULT '' NOT NULL, 
	emotion INTEGER, 
	scores VARCHAR DEFAULT '[]' NOT NULL, 
	metrics VARCHAR DEFAULT '[]' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT channel_choice CHECK (channel IN ('digital', 'human', 'physical')), 
	CONSTRAINT emotion_range CHECK (emotion IS NULL OR emotion BETWEEN -2 AND 2)
);

CREATE INDEX ix_touchpoint_journey ON touchpoint (journey);

CREATE TABLE vote (
	id VARCHAR NOT NULL, 
	participant VARCHAR DEFAULT '' NOT NULL, 
	target VARCHAR DEFAULT '' NOT NULL, 
	position FLOAT DEFAULT (0.0) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_vote_target ON vote (target);
