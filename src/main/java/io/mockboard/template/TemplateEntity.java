package io.mockboard.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "template")
class TemplateEntity extends PanacheEntityBase {
    @Id
    UUID id;

    String slug;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String framework;

    @Column(name = "case_study")
    String caseStudy;

    @Column(nullable = false)
    String variant;

    @Column(nullable = false)
    String description;

    @Column(name = "interviewer_prompt", nullable = false)
    String interviewerPrompt;

    @Column(name = "candidate_prompt", nullable = false)
    String candidatePrompt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "step_budgets", nullable = false)
    String stepBudgets;

    /** Loaded only when asked for: listing the gallery does not read every scene. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    String elements;

    @Column(name = "element_count", nullable = false)
    int elementCount;

    @Column(name = "component_count", nullable = false)
    int componentCount;

    /** For shipped templates: a hash of the catalog file, so an unchanged file is not loaded again. */
    @Column(name = "content_hash")
    String contentHash;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
