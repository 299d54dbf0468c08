// title: Spread leaderboard / Hvilke løsninger har spredt sig mest
// description: Solutions ranked by the number of actors they spread to with one of the given
//    statuses (adopted by default: implemented and creating value somewhere new; add
//    interested, visited, inspired for a wider count).
// param statuses (list<string>, default ["adopted"]): SPREAD_TO statuses that count, e.g.
//    adopted or adopted,interested,visited,inspired
// param limit (integer, default 25): at most this many solutions
// example: statuses=adopted
// example: statuses=adopted,interested,visited,inspired limit=10
// returns: solution (name), solution_id, reached (number of actors), municipalities (of them,
//    municipalities), reached_names (sorted), owners (sorted), documented_effect
MATCH (s:Solution)-[x:SPREAD_TO]->(t:Actor)
WHERE x.status IN $statuses
WITH DISTINCT s, t
ORDER BY t.name, t.id
WITH s, collect(t.name) AS reached_names, count(t) AS reached,
     count(CASE WHEN t:Municipality THEN t END) AS municipalities
OPTIONAL MATCH (o:Actor)-[:OWNS]->(s)
WITH DISTINCT s, reached_names, reached, municipalities, o
ORDER BY o.name, o.id
WITH s, reached_names, reached, municipalities, collect(o.name) AS owners
RETURN s.name AS solution, s.id AS solution_id, reached, municipalities, reached_names, owners,
       s.documented_effect AS documented_effect
ORDER BY reached DESC, municipalities DESC, solution, solution_id
LIMIT $limit
