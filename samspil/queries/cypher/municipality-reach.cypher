// title: Who works with the most municipalities / Hvem arbejder med flest kommuner
// description: Actors of the given kinds (companies and foundations by default) ranked by the
//    number of municipalities they work with: municipalities (or their units) that own or
//    partner in a solution the actor owns, partners in or funds, and municipalities that
//    adopted such a solution (SPREAD_TO with status adopted).
// param kinds (list<string>, default ["company", "foundation"]): actor kinds to rank, e.g.
//    company,foundation or knowledge_institution,association
// param limit (integer, default 25): at most this many actors
// example: kinds=company,foundation
// example: kinds=knowledge_institution,association limit=10
// returns: actor (name), actor_id, kind, n_municipalities, municipalities (names, sorted),
//    n_solutions (the actor's solutions that link it to a municipality)
MATCH (a:Actor)-[r:OWNS|PARTNER_IN]->(s:Solution)
WHERE a.kind IN $kinds
WITH DISTINCT s
// every maker of these solutions, resolved to its municipalities once (not once per
// actor-solution pair): the variable-length expansion runs from a bound node
MATCH (s)<-[r2:OWNS|PARTNER_IN]-(o:Actor)
WITH o, collect(DISTINCT s) AS solutions
WITH solutions, [(o)-[:PART_OF*0..3]->(m1:Municipality) | m1] AS ms
UNWIND solutions AS s
UNWIND CASE WHEN size(ms) > 0 THEN ms ELSE [null] END AS m
WITH s, collect(DISTINCT m) AS from_makers
WITH s, from_makers + [(s)-[x:SPREAD_TO]->(m2:Municipality) WHERE x.status = 'adopted' | m2] AS reached
UNWIND reached AS m
WITH s, collect(DISTINCT m) AS municipalities
MATCH (s)<-[r:OWNS|PARTNER_IN]-(a:Actor)
WHERE a.kind IN $kinds
WITH DISTINCT a, s, municipalities
UNWIND municipalities AS m
WITH a, s, m
WHERE m <> a
WITH a, collect(DISTINCT m) AS ms, count(DISTINCT s) AS n_solutions
WITH a, ms, size(ms) AS n_municipalities, n_solutions
ORDER BY n_municipalities DESC, n_solutions DESC, a.name, a.id
LIMIT $limit
UNWIND ms AS m
WITH a, n_municipalities, n_solutions, m
ORDER BY m.name, m.id
WITH a, n_municipalities, n_solutions, collect(m.name) AS municipalities
RETURN a.name AS actor, a.id AS actor_id, a.kind AS kind, n_municipalities, municipalities, n_solutions
ORDER BY n_municipalities DESC, n_solutions DESC, actor, actor_id
