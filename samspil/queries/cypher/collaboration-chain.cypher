// title: The shortest collaboration chain between two actors / Korteste samarbejdskæde mellem to aktører
// description: Every shortest chain of collaborations (COLLABORATES_WITH: made a solution
//    together) between two actors, with the solutions that make each link. No row when the
//    two are not connected or are the same actor.
// param fromActor (string): name (any case) or id of the first actor, e.g. "Kolding Kommune"
// param toActor (string): name (any case) or id of the second actor, e.g. "TrygFonden"
// param limit (integer, default 10): at most this many chains (when there are several equally short)
// example: fromActor="Kolding Kommune" toActor="TrygFonden"
// example: fromActor="Aarhus Kommune" toActor="KL"
// example: fromActor="Syddansk Universitet" toActor="Region Hovedstaden" limit=3
// returns: from (name), to (name), hops (links in the chain), chain (actor names, from first
//    to second), ids (their ids), links (for each link, the names of the shared solutions)
MATCH (a:Actor)
WHERE a.id = $fromActor OR toLower(a.name) = toLower($fromActor)
MATCH (b:Actor)
WHERE b.id = $toActor OR toLower(b.name) = toLower($toActor)
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[:COLLABORATES_WITH*]-(b))
WITH a, b, p, [n IN nodes(p) | n.id] AS ids
WITH a, b, length(p) AS hops, [n IN nodes(p) | n.name] AS chain, ids,
     [r IN relationships(p) | r.evidence] AS links,
     reduce(key = '', i IN ids | key + i + ' ') AS order_key
RETURN a.name AS from, b.name AS to, hops, chain, ids, links
ORDER BY from, to, hops, order_key
LIMIT $limit
