-- Who took each priority decision and what the rules themselves gave, so the ops console can measure the
-- rules against agents from what sla-service consumes (it never asks triage-service).
-- agent: whether an agent decided (PriorityAssigned source AGENT); NULL on decisions stored before this
--   version, whose source was not kept: the report leaves their tickets out.
-- rules_priority: on the rules' decisions only, the priority they gave; for a review request that is the
--   provisional priority, while priority holds the stricter one the clock may run on.
ALTER TABLE sla_priority_change ADD COLUMN agent BOOLEAN;
ALTER TABLE sla_priority_change ADD COLUMN rules_priority VARCHAR(2);
-- The report starts from the agents' decisions of a period.
CREATE INDEX sla_priority_change_agent_decided ON sla_priority_change (decided_at) WHERE agent;
