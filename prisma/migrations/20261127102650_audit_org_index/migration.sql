-- CreateIndex
CREATE INDEX "AuditRecord_orgId_id_idx" ON "AuditRecord"("orgId", "id");

