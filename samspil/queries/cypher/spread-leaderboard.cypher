// title: Spread leaderboard / Hvilke løsninger har spredt sig mest
// description: Solutions ranked by the number of organisations they spread to with one of the
//    given statuses (adopted by default: implemented and creating value somewhere new; add
//    interested, visited, inspired for a wider count). A named actor or place abroad counts
//    once, an unnamed group ("tre kommuner") its count, a group of unknown size ("flere
//    kommuner") once (uncounted_groups says how many such).
// param statuses (list<string>, default ["adopted"]): SPREAD_TO statuses that count, e.g.
//    adopted or adopted,interested,visited,inspired
// param limit (integer, default 25): at most this many solutions
// example: statuses=adopted
// example: statuses=adopted,interested,visited,inspired limit=10
// returns: solution (name), solution_id, reached (number of organisations), receivers (named
//    actors, places and groups), municipalities (of them, municipalities, groups by their count),
//    uncounted_groups, reached_names (sorted), owners (sorted), documented_effect
MATCH (s:Solution)-[x:SPREAD_TO]->(t)
WHERE x.status IN $statuses AND (t:Actor OR t:Group)
WITH DISTINCT s, t
ORDER BY t.name, t.id
WITH s, collect(t.name) AS reached_names, count(t) AS receivers,
     // toInteger: FalkorDB sums to a float, Neo4j to an integer
     toInteger(sum(CASE WHEN t:Group THEN coalesce(t.count, 1) ELSE 1 END)) AS reached,
     toInteger(sum(CASE WHEN t:Municipality OR (t:Group AND t.kind = 'municipality') THEN coalesce(t.count, 1)
                   ELSE 0 END)) AS municipalities,
     toInteger(sum(CASE WHEN t:Group AND t.count IS NULL THEN 1 ELSE 0 END)) AS uncounted_groups
OPTIONAL MATCH (o:Actor)-[:OWNS]->(s)
WITH DISTINCT s, reached_names, receivers, reached, municipalities, uncounted_groups, o
ORDER BY o.name, o.id
WITH s, reached_names, receivers, reached, municipalities, uncounted_groups, collect(o.name) AS owners
RETURN s.name AS solution, s.id AS solution_id, reached, receivers, municipalities, uncounted_groups, reached_names,
       owners, s.documented_effect AS documented_effect
ORDER BY reached DESC, municipalities DESC, solution, solution_id
LIMIT $limit
