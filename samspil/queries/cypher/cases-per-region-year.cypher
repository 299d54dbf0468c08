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
UNWIND CASE WHEN size(nominators) > 0 THEN nominators WHEN size(owners) > 0 THEN owners ELSE [null] END AS a
OPTIONAL MATCH (a)-[:PART_OF|IN_REGION*0..3]->(r:Region)
WITH DISTINCT c, r
ORDER BY c.id
RETURN r.name AS region, c.year AS year, count(c) AS cases, collect(c.id) AS case_ids
ORDER BY region, year
