import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PARAMETER_CATALOGUE, QUESTIONNAIRE_TEMPLATES, stage2Pair, type QuestionnaireTemplate } from '../questionnaires/questionnaire.templates';

const NO_SCHOOL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Section 6 of the programme: the parameter catalogue, questionnaires with immutable published
 * versions, campaigns with their respondents, responses (current answers plus every revision),
 * scorecards, and the psychologist's compatibility tests and satisfaction checks.
 * The shipped catalogue and templates are inserted as rows with municipality_id NULL.
 */
export class MonitoringQuestionnaires1764200000000 implements MigrationInterface {
  name = 'MonitoringQuestionnaires1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE parameter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        name text NOT NULL,
        scale_min double precision NOT NULL,
        scale_max double precision NOT NULL,
        direction text NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
        municipality_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (scale_min < scale_max)
      );
      CREATE UNIQUE INDEX parameter_shipped_key ON parameter (key) WHERE municipality_id IS NULL;
      CREATE UNIQUE INDEX parameter_municipal_key ON parameter (municipality_id, key) WHERE municipality_id IS NOT NULL;

      ALTER TABLE measurement ADD COLUMN response_id uuid;

      CREATE TABLE questionnaire (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        municipality_id uuid,
        school_id uuid,
        respondent_role text NOT NULL CHECK (respondent_role IN ('MENTEE', 'MENTOR', 'CURATOR')),
        stage text NOT NULL CHECK (stage IN ('STAGE1_PROCESS', 'STAGE2_BEFORE', 'STAGE2_AFTER')),
        mentee_category text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (municipality_id IS NOT NULL OR school_id IS NULL)
      );
      CREATE UNIQUE INDEX questionnaire_shipped_key ON questionnaire (key, stage) WHERE municipality_id IS NULL;
      CREATE UNIQUE INDEX questionnaire_own_key ON questionnaire (municipality_id, COALESCE(school_id, ${NO_SCHOOL}), key, stage)
        WHERE municipality_id IS NOT NULL;

      CREATE TABLE questionnaire_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        questionnaire_id uuid NOT NULL REFERENCES questionnaire (id),
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL,
        intro text,
        questions jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (questionnaire_id, version)
      );
      CREATE UNIQUE INDEX questionnaire_one_draft ON questionnaire_version (questionnaire_id) WHERE status = 'DRAFT';

      -- Answers are tied to the version they answered: a published version never changes, also not by hand.
      CREATE FUNCTION refuse_published_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'questionnaire version % is published and immutable', OLD.id;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER questionnaire_version_immutable BEFORE UPDATE OR DELETE ON questionnaire_version
        FOR EACH ROW EXECUTE FUNCTION refuse_published_version_change();

      CREATE TABLE campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        program_id uuid NOT NULL,
        questionnaire_version_id uuid NOT NULL REFERENCES questionnaire_version (id),
        stage text NOT NULL,
        respondent_role text NOT NULL,
        title text NOT NULL,
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        closed_at timestamptz,
        closed_by text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (opens_on <= closes_on)
      );
      CREATE INDEX campaign_scope ON campaign (municipality_id, school_id);
      CREATE INDEX campaign_program ON campaign (program_id);

      CREATE TABLE campaign_respondent (
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        person_id uuid NOT NULL,
        pair_id uuid,
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        PRIMARY KEY (campaign_id, person_id)
      );
      CREATE INDEX campaign_respondent_person ON campaign_respondent (person_id);

      CREATE TABLE response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        respondent_id uuid NOT NULL,
        questionnaire_version_id uuid NOT NULL REFERENCES questionnaire_version (id),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        program_id uuid NOT NULL,
        respondent_role text NOT NULL,
        stage text NOT NULL,
        revision integer NOT NULL DEFAULT 0,
        submitted_by text NOT NULL,
        first_submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        -- One response per respondent per campaign: concurrent submits meet here.
        UNIQUE (campaign_id, respondent_id)
      );
      CREATE INDEX response_scope ON response (municipality_id, school_id);
      CREATE INDEX response_respondent ON response (respondent_id);

      CREATE TABLE answer (
        response_id uuid NOT NULL REFERENCES response (id),
        question_key text NOT NULL,
        text_value text,
        choice_values text[],
        rating_value double precision,
        PRIMARY KEY (response_id, question_key)
      );

      CREATE TABLE response_revision (
        response_id uuid NOT NULL REFERENCES response (id),
        revision integer NOT NULL,
        answers jsonb NOT NULL,
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (response_id, revision)
      );

      CREATE TABLE scorecard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        program_id uuid NOT NULL,
        pair_id uuid,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('DRAFT', 'FINAL', 'SUPERSEDED')),
        evaluator_name text NOT NULL,
        evaluated_on date NOT NULL,
        evaluated_by text NOT NULL,
        total integer NOT NULL CHECK (total BETWEEN 0 AND 18),
        level text CHECK (level IN ('OPTIMAL', 'ACCEPTABLE', 'UNACCEPTABLE')),
        supersedes_id uuid REFERENCES scorecard (id),
        finalised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX scorecard_version ON scorecard (program_id, COALESCE(pair_id, ${NO_SCHOOL}), version);
      CREATE UNIQUE INDEX scorecard_one_draft ON scorecard (program_id, COALESCE(pair_id, ${NO_SCHOOL})) WHERE status = 'DRAFT';
      CREATE INDEX scorecard_scope ON scorecard (municipality_id, school_id);

      CREATE TABLE scorecard_score (
        scorecard_id uuid NOT NULL REFERENCES scorecard (id),
        indicator smallint NOT NULL CHECK (indicator BETWEEN 1 AND 9),
        score smallint CHECK (score BETWEEN 0 AND 2),
        comment text,
        PRIMARY KEY (scorecard_id, indicator)
      );

      CREATE TABLE compatibility_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        mentee_id uuid NOT NULL,
        score double precision NOT NULL CHECK (score BETWEEN 0 AND 100),
        tested_on date NOT NULL,
        method text,
        conclusion text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX compatibility_mentee ON compatibility_result (mentee_id);
      CREATE INDEX compatibility_scope ON compatibility_result (municipality_id, school_id);

      CREATE TABLE satisfaction_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        school_id uuid NOT NULL,
        program_id uuid NOT NULL,
        pair_id uuid NOT NULL,
        person_id uuid,
        satisfaction integer NOT NULL CHECK (satisfaction BETWEEN 1 AND 10),
        checked_on date NOT NULL,
        comment text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX satisfaction_pair ON satisfaction_check (pair_id);
      CREATE INDEX satisfaction_scope ON satisfaction_check (municipality_id, school_id);
    `);

    for (const parameter of PARAMETER_CATALOGUE) {
      await db.query(
        `INSERT INTO parameter (key, name, scale_min, scale_max, direction, created_by) VALUES ($1, $2, $3, $4, $5, 'system')`,
        [parameter.key, parameter.name, parameter.scaleMin, parameter.scaleMax, parameter.direction],
      );
    }
    const shipped: QuestionnaireTemplate[] = QUESTIONNAIRE_TEMPLATES.flatMap((template) =>
      template.stage === 'STAGE1_PROCESS' ? [template] : [stage2Pair(template).before, stage2Pair(template).after],
    );
    for (const template of shipped) {
      const [{ id }] = (await db.query(
        `INSERT INTO questionnaire (key, respondent_role, stage, mentee_category, created_by) VALUES ($1, $2, $3, $4, 'system') RETURNING id`,
        [template.key, template.respondentRole, template.stage, template.menteeCategory ?? null],
      )) as { id: string }[];
      await db.query(
        `INSERT INTO questionnaire_version (questionnaire_id, version, title, intro, questions, status, published_at, created_by)
         VALUES ($1, 1, $2, $3, $4, 'PUBLISHED', now(), 'system')`,
        [id, template.title, template.intro ?? null, JSON.stringify(template.questions)],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE satisfaction_check, compatibility_result, scorecard_score, scorecard, response_revision, answer, response,
        campaign_respondent, campaign, questionnaire_version, questionnaire, parameter;
      DROP FUNCTION refuse_published_version_change();
      ALTER TABLE measurement DROP COLUMN response_id;
    `);
  }
}
