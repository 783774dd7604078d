"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 00:49:49.847860
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_events_seq")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_case", ["case_id"], unique=False)
        batch_op.create_index("ix_audit_events_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_office_id"), ["office_id"], unique=False)

    op.create_table(
        "offices",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("case_prefix", sa.String(length=20), nullable=False),
        sa.Column("number_format", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["offices.id"], name=op.f("fk_offices_parent_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
        sa.UniqueConstraint("name", name=op.f("uq_offices_name")),
    )
    with op.batch_alter_table("offices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offices_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "roles",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_zh", sa.String(length=50), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.Column("permissions", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roles")),
        sa.UniqueConstraint("code", name=op.f("uq_roles_code")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "case_number_counters",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_case_number_counters_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", name=op.f("pk_case_number_counters")),
    )
    op.create_table(
        "employers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("legal_representative", sa.String(length=100), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_employers_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["employers.id"], name=op.f("fk_employers_parent_id_employers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employers")),
    )
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.create_index("ix_employers_credit_code", ["credit_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_employers_office_id"), ["office_id"], unique=False)

    op.create_table(
        "people",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("hukou_type", sa.String(length=20), nullable=True),
        sa.Column("union_member", sa.Boolean(), nullable=False),
        sa.Column("hardship_worker", sa.Boolean(), nullable=False),
        sa.Column("migrant_worker", sa.Boolean(), nullable=False),
        sa.Column("employment_form", sa.String(length=30), nullable=True),
        sa.Column("legal_relation", sa.String(length=20), nullable=True),
        sa.Column("occupation", sa.String(length=100), nullable=True),
        sa.Column("health_notes", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_people_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_id_number", ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_office_id"), ["office_id"], unique=False)
        batch_op.create_index("ix_people_phone", ["phone"], unique=False)

    op.create_table(
        "staff",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("role_code", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_staff_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["role_code"], ["roles.code"], name=op.f("fk_staff_role_code_roles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_office_id"), ["office_id"], unique=False)

    op.create_table(
        "cases",
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column("dispute_type", sa.String(length=30), nullable=False),
        sa.Column("other_dispute_types", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("handling_method", sa.String(length=30), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("lead_staff_id", sa.String(length=36), nullable=True),
        sa.Column("consultation_id", sa.String(length=36), nullable=True),
        sa.Column("worker_count", sa.Integer(), nullable=False),
        sa.Column("amount_claimed_fen", sa.BigInteger(), nullable=False),
        sa.Column("amount_awarded_fen", sa.BigInteger(), nullable=True),
        sa.Column("facts", sa.Text(), nullable=True),
        sa.Column("claims_text", sa.Text(), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=True),
        sa.Column("closing_summary", sa.Text(), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("ledger_recovered_fen", sa.BigInteger(), nullable=False),
        sa.Column("ledger_wage_recovered_fen", sa.BigInteger(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_staff_id"], ["staff.id"], name=op.f("fk_cases_lead_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_cases_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("number", name=op.f("uq_cases_number")),
        sa.UniqueConstraint("office_id", "year", "seq", name=op.f("uq_cases_office_id_year_seq")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_accepted_on", ["accepted_on"], unique=False)
        batch_op.create_index("ix_cases_closed_on", ["closed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_dispute_type"), ["dispute_type"], unique=False)
        batch_op.create_index("ix_cases_lead_status", ["lead_staff_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_office_id"), ["office_id"], unique=False)
        batch_op.create_index(
            "ix_cases_office_received", ["office_id", "received_on"], unique=False
        )
        batch_op.create_index("ix_cases_office_status", ["office_id", "status"], unique=False)

    op.create_table(
        "case_applicants",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_applicants_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_case_applicants_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_case_applicants_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_applicants")),
    )
    with op.batch_alter_table("case_applicants", schema=None) as batch_op:
        batch_op.create_index("ix_case_applicants_case", ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_applicants_office_id"), ["office_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_case_applicants_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "case_respondents",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_respondents_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employers.id"],
            name=op.f("fk_case_respondents_employer_id_employers"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_case_respondents_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["case_respondents.id"],
            name=op.f("fk_case_respondents_parent_id_case_respondents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_respondents")),
    )
    with op.batch_alter_table("case_respondents", schema=None) as batch_op:
        batch_op.create_index("ix_case_respondents_case", ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_respondents_employer_id"), ["employer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_case_respondents_office_id"), ["office_id"], unique=False
        )

    op.create_table(
        "case_staff",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_staff_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_case_staff_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_case_staff_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_staff")),
    )
    with op.batch_alter_table("case_staff", schema=None) as batch_op:
        batch_op.create_index("ix_case_staff_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_staff_office_id"), ["office_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_staff_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "consultations",
        sa.Column("consulted_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=False),
        sa.Column("topic", sa.String(length=30), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("caller_name", sa.String(length=100), nullable=False),
        sa.Column("caller_phone", sa.String(length=40), nullable=True),
        sa.Column("employer_name", sa.String(length=200), nullable=True),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("answer_summary", sa.Text(), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("worker_count", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_consultations_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_consultations_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_consultations_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_consultations_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultations_caller_phone"), ["caller_phone"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consultations_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            "ix_consultations_office_consulted", ["office_id", "consulted_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consultations_office_id"), ["office_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultations_person_id"), ["person_id"], unique=False)

    op.create_table(
        "deadlines",
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("rule_id", sa.String(length=60), nullable=True),
        sa.Column("statutory", sa.Boolean(), nullable=False),
        sa.Column("trigger_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("remind_on", sa.Date(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("warning", sa.Text(), nullable=True),
        sa.Column("responsible_id", sa.String(length=36), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("source_ref", sa.String(length=100), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_deadlines_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_deadlines_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"], ["staff.id"], name=op.f("fk_deadlines_responsible_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadlines")),
    )
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.create_index("ix_deadlines_case", ["case_id"], unique=False)
        batch_op.create_index(
            "ix_deadlines_office_due", ["office_id", "done_at", "due_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deadlines_office_id"), ["office_id"], unique=False)
        batch_op.create_index(
            "ix_deadlines_responsible_due", ["responsible_id", "due_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deadlines_source_ref"), ["source_ref"], unique=False)

    op.create_table(
        "documents",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("template_id", sa.String(length=60), nullable=True),
        sa.Column("template_version", sa.String(length=30), nullable=True),
        sa.Column("file_format", sa.String(length=10), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("storage_path", sa.String(length=500), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["staff.id"], name=op.f("fk_documents_author_id_staff")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_documents_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_documents_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_office_id"), ["office_id"], unique=False)

    op.create_table(
        "notes",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["staff.id"], name=op.f("fk_notes_author_id_staff")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_notes_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_notes_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index("ix_notes_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notes_office_id"), ["office_id"], unique=False)

    op.create_table(
        "proceedings",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("body_name", sa.String(length=200), nullable=False),
        sa.Column("tribunal_number", sa.String(length=100), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("decision_kind", sa.String(length=30), nullable=True),
        sa.Column("decision_received_on", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("amount_awarded_fen", sa.BigInteger(), nullable=True),
        sa.Column("appeal_deadline", sa.Date(), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_proceedings_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_proceedings_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proceedings")),
    )
    with op.batch_alter_table("proceedings", schema=None) as batch_op:
        batch_op.create_index("ix_proceedings_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_proceedings_office_id"), ["office_id"], unique=False)

    op.create_table(
        "referrals",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("body_type", sa.String(length=30), nullable=False),
        sa.Column("body_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("their_reference", sa.String(length=100), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_referrals_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_referrals_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index("ix_referrals_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_office_id"), ["office_id"], unique=False)

    op.create_table(
        "wage_claims",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("employer_id", sa.String(length=36), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_wage_claims_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_wage_claims_employer_id_employers")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_wage_claims_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_wage_claims_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wage_claims")),
    )
    with op.batch_alter_table("wage_claims", schema=None) as batch_op:
        batch_op.create_index("ix_wage_claims_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_wage_claims_office_id"), ["office_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_wage_claims_person_id"), ["person_id"], unique=False)

    op.create_table(
        "hearings",
        sa.Column("proceeding_id", sa.String(length=36), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_hearings_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["proceeding_id"],
            ["proceedings.id"],
            name=op.f("fk_hearings_proceeding_id_proceedings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearings")),
    )
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hearings_office_id"), ["office_id"], unique=False)
        batch_op.create_index("ix_hearings_proceeding", ["proceeding_id"], unique=False)

    op.create_table(
        "mediations",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("referral_id", sa.String(length=36), nullable=True),
        sa.Column("stage", sa.String(length=30), nullable=False),
        sa.Column("mediator_id", sa.String(length=36), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("agreement_on", sa.Date(), nullable=True),
        sa.Column("agreement_amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("performance_deadline", sa.Date(), nullable=True),
        sa.Column("performance", sa.String(length=20), nullable=False),
        sa.Column("performed_on", sa.Date(), nullable=True),
        sa.Column("confirmation", sa.String(length=20), nullable=False),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_mediations_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["mediator_id"], ["staff.id"], name=op.f("fk_mediations_mediator_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_mediations_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referrals.id"], name=op.f("fk_mediations_referral_id_referrals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediations")),
    )
    with op.batch_alter_table("mediations", schema=None) as batch_op:
        batch_op.create_index("ix_mediations_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mediations_office_id"), ["office_id"], unique=False)

    op.create_table(
        "note_revisions",
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["staff.id"], name=op.f("fk_note_revisions_author_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name=op.f("fk_note_revisions_note_id_notes")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_note_revisions_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_revisions")),
    )
    with op.batch_alter_table("note_revisions", schema=None) as batch_op:
        batch_op.create_index("ix_note_revisions_note", ["note_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_note_revisions_office_id"), ["office_id"], unique=False
        )

    op.create_table(
        "recoveries",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("wage_claim_id", sa.String(length=36), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=False),
        sa.Column("payer", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("recorded_by_id", sa.String(length=36), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_recoveries_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_recoveries_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_recoveries_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_recoveries_recorded_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["wage_claim_id"],
            ["wage_claims.id"],
            name=op.f("fk_recoveries_wage_claim_id_wage_claims"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recoveries")),
    )
    with op.batch_alter_table("recoveries", schema=None) as batch_op:
        batch_op.create_index("ix_recoveries_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recoveries_office_id"), ["office_id"], unique=False)
        batch_op.create_index(
            "ix_recoveries_office_received", ["office_id", "received_on"], unique=False
        )

    op.create_table(
        "instalments",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("mediation_id", sa.String(length=36), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("recovery_id", sa.String(length=36), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_instalments_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["mediation_id"], ["mediations.id"], name=op.f("fk_instalments_mediation_id_mediations")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_instalments_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["recovery_id"], ["recoveries.id"], name=op.f("fk_instalments_recovery_id_recoveries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instalments")),
    )
    with op.batch_alter_table("instalments", schema=None) as batch_op:
        batch_op.create_index("ix_instalments_case", ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_instalments_office_id"), ["office_id"], unique=False)

    op.create_table(
        "mediation_sessions",
        sa.Column("mediation_id", sa.String(length=36), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["mediation_id"],
            ["mediations.id"],
            name=op.f("fk_mediation_sessions_mediation_id_mediations"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_mediation_sessions_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_sessions")),
    )
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_mediation_sessions_mediation", ["mediation_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mediation_sessions_office_id"), ["office_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_sessions_office_id"))
        batch_op.drop_index("ix_mediation_sessions_mediation")

    op.drop_table("mediation_sessions")
    with op.batch_alter_table("instalments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instalments_office_id"))
        batch_op.drop_index("ix_instalments_case")

    op.drop_table("instalments")
    with op.batch_alter_table("recoveries", schema=None) as batch_op:
        batch_op.drop_index("ix_recoveries_office_received")
        batch_op.drop_index(batch_op.f("ix_recoveries_office_id"))
        batch_op.drop_index("ix_recoveries_case")

    op.drop_table("recoveries")
    with op.batch_alter_table("note_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_revisions_office_id"))
        batch_op.drop_index("ix_note_revisions_note")

    op.drop_table("note_revisions")
    with op.batch_alter_table("mediations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediations_office_id"))
        batch_op.drop_index("ix_mediations_case")

    op.drop_table("mediations")
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.drop_index("ix_hearings_proceeding")
        batch_op.drop_index(batch_op.f("ix_hearings_office_id"))

    op.drop_table("hearings")
    with op.batch_alter_table("wage_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wage_claims_person_id"))
        batch_op.drop_index(batch_op.f("ix_wage_claims_office_id"))
        batch_op.drop_index("ix_wage_claims_case")

    op.drop_table("wage_claims")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_office_id"))
        batch_op.drop_index("ix_referrals_case")

    op.drop_table("referrals")
    with op.batch_alter_table("proceedings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proceedings_office_id"))
        batch_op.drop_index("ix_proceedings_case")

    op.drop_table("proceedings")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_office_id"))
        batch_op.drop_index("ix_notes_case")

    op.drop_table("notes")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_office_id"))
        batch_op.drop_index("ix_documents_case")

    op.drop_table("documents")
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadlines_source_ref"))
        batch_op.drop_index("ix_deadlines_responsible_due")
        batch_op.drop_index(batch_op.f("ix_deadlines_office_id"))
        batch_op.drop_index("ix_deadlines_office_due")
        batch_op.drop_index("ix_deadlines_case")

    op.drop_table("deadlines")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_person_id"))
        batch_op.drop_index(batch_op.f("ix_consultations_office_id"))
        batch_op.drop_index("ix_consultations_office_consulted")
        batch_op.drop_index(batch_op.f("ix_consultations_case_id"))
        batch_op.drop_index(batch_op.f("ix_consultations_caller_phone"))

    op.drop_table("consultations")
    with op.batch_alter_table("case_staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_staff_staff_id"))
        batch_op.drop_index(batch_op.f("ix_case_staff_office_id"))
        batch_op.drop_index("ix_case_staff_case")

    op.drop_table("case_staff")
    with op.batch_alter_table("case_respondents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_respondents_office_id"))
        batch_op.drop_index(batch_op.f("ix_case_respondents_employer_id"))
        batch_op.drop_index("ix_case_respondents_case")

    op.drop_table("case_respondents")
    with op.batch_alter_table("case_applicants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_applicants_person_id"))
        batch_op.drop_index(batch_op.f("ix_case_applicants_office_id"))
        batch_op.drop_index("ix_case_applicants_case")

    op.drop_table("case_applicants")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_office_status")
        batch_op.drop_index("ix_cases_office_received")
        batch_op.drop_index(batch_op.f("ix_cases_office_id"))
        batch_op.drop_index("ix_cases_lead_status")
        batch_op.drop_index(batch_op.f("ix_cases_dispute_type"))
        batch_op.drop_index("ix_cases_closed_on")
        batch_op.drop_index("ix_cases_accepted_on")

    op.drop_table("cases")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_office_id"))

    op.drop_table("staff")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_phone")
        batch_op.drop_index(batch_op.f("ix_people_office_id"))
        batch_op.drop_index("ix_people_id_number")

    op.drop_table("people")
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employers_office_id"))
        batch_op.drop_index("ix_employers_credit_code")

    op.drop_table("employers")
    op.drop_table("case_number_counters")
    op.drop_table("settings")
    op.drop_table("roles")
    with op.batch_alter_table("offices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offices_parent_id"))

    op.drop_table("offices")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_office_id"))
        batch_op.drop_index("ix_audit_events_entity")
        batch_op.drop_index("ix_audit_events_case")

    op.drop_table("audit_events")
