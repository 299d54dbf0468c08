// title: Where ideas came from / Hvor idéerne kom fra
// description: Every INSPIRED_BY relationship: a solution whose idea came from another
//    solution or from an actor, with the case and the quote that say so.
// returns: solution (name), solution_id, inspired_by (name), inspired_by_id, inspired_by_kind
//    (solution, or the actor's kind), case, evidence
MATCH (s:Solution)-[r:INSPIRED_BY]->(x)
RETURN s.name AS solution, s.id AS solution_id, x.name AS inspired_by, x.id AS inspired_by_id,
       CASE WHEN x:Solution THEN 'solution' ELSE x.kind END AS inspired_by_kind,
       r.case AS case, r.evidence AS evidence
ORDER BY solution, solution_id, inspired_by, inspired_by_id, case
