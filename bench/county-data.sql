-- A county-scale dataset for npm run bench: 100 towns, each with a 2017 and a 2018 plan of 10
-- campaigns, 30 indicators and 200 tasks per plan, and 24 months of approved reports with their
-- indicator values and task updates. :hash is the argon2 hash of the bench users' password.
INSERT INTO "Organization" (id, kind, code, name, "updatedAt") VALUES ('bc', 'COUNTY', 'bench-county', '基准县', now());
INSERT INTO "Organization" (id, kind, code, name, "parentId", "updatedAt")
  SELECT 't' || g, 'TOWN', 'bench-town-' || g, '基准镇' || g, 'bc', now() FROM generate_series(1, 100) g;

INSERT INTO "User" (id, username, name, "passwordHash", "orgId", "updatedAt")
  SELECT 'u' || g || 'l', 'leader' || g, '镇领导' || g, :hash, 't' || g, now() FROM generate_series(1, 100) g;
INSERT INTO "User" (id, username, name, "passwordHash", "orgId", "updatedAt")
  SELECT 'u' || g || 'c', 'county' || g, '县督查' || g, :hash, 'bc', now() FROM generate_series(1, 1) g;
INSERT INTO "User" (id, username, name, "passwordHash", "orgId", "updatedAt")
  SELECT 'u' || g || 'p' || n, 'lead' || g || '-' || n, '牵头人' || g || '-' || n, :hash, 't' || g, now()
  FROM generate_series(1, 100) g, generate_series(1, 10) n;
INSERT INTO "RoleAssignment" (id, "userId", role, "orgId") SELECT 'r' || id, id, 'LEADER', "orgId" FROM "User" WHERE id LIKE 'u%l' OR id LIKE 'u%c';
INSERT INTO "RoleAssignment" (id, "userId", role, "orgId") SELECT 'r' || id, id, 'LEAD', "orgId" FROM "User" WHERE id LIKE 'u%p%';

INSERT INTO "Plan" (id, "orgId", year, "baselineYear", title, goals, rules, "updatedAt")
  SELECT 'p' || g || '-' || y, 't' || g, y, y - 1, y || '年重点工作', '{}', '{}', now()
  FROM generate_series(1, 100) g, (VALUES (2017), (2018)) v(y);
UPDATE "Plan" SET status = 'CLOSED' WHERE year = 2017;

INSERT INTO "Campaign" (id, "planId", number, name, "leadingOfficialId", "startDate", "endDate", "updatedAt")
  SELECT 'c' || g || '-' || y || '-' || n, 'p' || g || '-' || y, n, '第' || n || '项重点工作', 'u' || g || 'l',
         make_date(y, 1, 1), make_date(y, 12, 31), now()
  FROM generate_series(1, 100) g, (VALUES (2017), (2018)) v(y), generate_series(1, 10) n;
INSERT INTO "CampaignLead" ("campaignId", "userId")
  SELECT 'c' || g || '-' || y || '-' || n, 'u' || g || 'p' || n FROM generate_series(1, 100) g, (VALUES (2017), (2018)) v(y), generate_series(1, 10) n;

INSERT INTO "Indicator" (id, "planId", "campaignId", key, name, unit, decimals, "baselineValue", "targetValue", direction, accumulation, "sortOrder", "updatedAt")
  SELECT 'i' || g || '-' || y || '-' || n || '-' || k, 'p' || g || '-' || y, 'c' || g || '-' || y || '-' || n, 'k' || n || '-' || k,
         '指标' || n || '-' || k, '亿元', 2, 100 + k, 120 + k, 'HIGHER_BETTER', 'CUMULATIVE', k, now()
  FROM generate_series(1, 100) g, (VALUES (2017), (2018)) v(y), generate_series(1, 10) n, generate_series(1, 3) k;
INSERT INTO "TrajectoryPoint" ("indicatorId", month, "plannedValue")
  SELECT i.id, m, round(i."targetValue" * m / 12, 4) FROM "Indicator" i, generate_series(1, 12) m WHERE i.id LIKE 'i%';

INSERT INTO "Task" (id, "campaignId", title, "ownerId", "startDate", "dueDate", weight, status, "percentDone", "updatedAt")
  SELECT 'k' || g || '-' || y || '-' || n || '-' || j, 'c' || g || '-' || y || '-' || n, '任务' || n || '-' || j, 'u' || g || 'p' || n,
         make_date(y, 1, 1), make_date(y, 1 + (j % 12), 28), 1 + (j % 3), 'IN_PROGRESS', 50, now()
  FROM generate_series(1, 100) g, (VALUES (2017), (2018)) v(y), generate_series(1, 10) n, generate_series(1, 20) j;

INSERT INTO "ProgressReport" (id, "campaignId", year, month, status, "progressText", "problemsText", "nextStepsText", "createdById", "submittedAt", "submittedById", "reviewedAt", "reviewedById", "createdAt", "updatedAt")
  SELECT 'rp' || g || '-' || y || '-' || n || '-' || m, 'c' || g || '-' || y || '-' || n, y, m, 'APPROVED', '按计划推进', '无', '继续推进',
         'u' || g || 'p' || n, make_timestamp(y + (m / 12), (m % 12) + 1, 3, 1, 0, 0), 'u' || g || 'p' || n,
         make_timestamp(y + (m / 12), (m % 12) + 1, 6, 7, 0, 0), 'u' || g || 'l', now(), now()
  FROM generate_series(1, 100) g, (VALUES (2017), (2018)) v(y), generate_series(1, 10) n, generate_series(1, 12) m;

INSERT INTO "IndicatorValue" (id, "indicatorId", "reportId", month, value, "reportedById", "reportedAt")
  SELECT 'v' || i.id || '-' || t.month, i.id, 'rp' || substr(i."campaignId", 2) || '-' || t.month, t.month,
         round(t."plannedValue" * (0.8 + ((hashtext(i.id || t.month) & 1023) / 1023.0) * 0.35), 2),
         'u' || split_part(substr(i.id, 2), '-', 1) || 'p' || split_part(i.id, '-', 3),
         make_timestamp(i_year + (t.month / 12), (t.month % 12) + 1, 3, 1, 0, 0)
  FROM "Indicator" i JOIN "TrajectoryPoint" t ON t."indicatorId" = i.id,
       LATERAL (SELECT split_part(i.id, '-', 2)::int AS i_year) y
  WHERE i.id LIKE 'i%';

INSERT INTO "TaskUpdate" (id, "taskId", "reportId", month, "percentDone", status, "reportedById", "reportedAt")
  SELECT 'tu' || k.id || '-' || m, k.id, 'rp' || substr(k."campaignId", 2) || '-' || m, m, least(100, m * 9), 'IN_PROGRESS', k."ownerId",
         make_timestamp(split_part(k.id, '-', 2)::int + (m / 12), (m % 12) + 1, 3, 1, 0, 0)
  FROM "Task" k, generate_series(1, 12) m WHERE k.id LIKE 'k%';
