// title: Cases per region and year / Cases pr. region og år
// description: How many cases each region has per year. A case belongs to the region of
//    its nominators (INDSTILLER), or of its solution's owners when it has no nominator: a
//    municipality through IN_REGION, a hospital or unit through PART_OF, a region itself.
//    A case with organisations in two regions counts in both; one whose organisations have
//    no Danish region (state agencies, Norwegian cases) has region null. Year null: not known.
// returns: region (name or null), year (or null), cases (number), case_ids (sorted)
MATCH (c:Case)
WITH c, [(a:Actor)-[:NOMINATED]->(c) | a] AS nominators,
     [(c)-[:DESCRIBES]->(:Solution)<-[:OWNS]-(o:Actor) | o] AS owners
WITH c, CASE WHEN size(nominators) > 0 THEN nominators WHEN size(owners) > 0 THEN owners ELSE [] END AS actors
UNWIND CASE WHEN size(actors) > 0 THEN actors ELSE [null] END AS a
// each actor's regions are found once, not once per (case, actor) row
WITH a, collect(DISTINCT c) AS cases
WITH cases, CASE WHEN a IS NULL THEN [] ELSE [(a)-[:PART_OF|IN_REGION*0..3]->(r:Region) | r] END AS regions
UNWIND CASE WHEN size(regions) > 0 THEN regions ELSE [null] END AS r
UNWIND cases AS c
WITH DISTINCT c, r
ORDER BY c.id
RETURN r.name AS region, c.year AS year, count(c) AS cases, collect(c.id) AS case_ids
ORDER BY region, year
