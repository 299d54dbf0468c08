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
WITH DISTINCT a, s
WITH a, s,
     [(s)<-[:OWNS|PARTNER_IN]-(:Actor)-[:PART_OF*0..3]->(m1:Municipality) | m1]
     + [(s)-[x:SPREAD_TO]->(m2:Municipality) WHERE x.status = 'adopted' | m2] AS reached
UNWIND reached AS m
WITH a, s, m
WHERE m <> a
WITH a, m, collect(DISTINCT s.id) AS solution_ids
ORDER BY m.name, m.id
WITH a, collect(m.name) AS municipalities, count(m) AS n_municipalities, collect(solution_ids) AS id_lists
WITH a, municipalities, n_municipalities,
     size(reduce(acc = [], ids IN id_lists | acc + [x IN ids WHERE NOT x IN acc])) AS n_solutions
RETURN a.name AS actor, a.id AS actor_id, a.kind AS kind, n_municipalities, municipalities, n_solutions
ORDER BY n_municipalities DESC, n_solutions DESC, actor, actor_id
LIMIT $limit
