// title: An actor's partners, by sector / En aktørs samarbejdspartnere efter sektor
// description: The actors that made at least one solution together with the actor (both
//    owner, partner or funder of it: the derived COLLABORATES_WITH relationship), grouped by
//    the partner's sector, with the solutions they share.
// param actor (string): the actor's name (any case) or id, e.g. "Kolding Kommune" or municipality-0621
// example: actor="Kolding Kommune"
// example: actor=municipality-0851
// example: actor="TrygFonden"
// returns: actor (name), sector (the partner's), partner (name), partner_id, kind (the
//    partner's), shared (number of solutions made together), solutions (their names, sorted)
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
MATCH (a)-[c:COLLABORATES_WITH]-(p:Actor)
UNWIND c.solutions AS solution_id
MATCH (s:Solution {id: solution_id})
WITH a, p, c, s
ORDER BY s.name, s.id
WITH a, p, c.weight AS shared, collect(s.name) AS solutions
RETURN a.name AS actor, p.sector AS sector, p.name AS partner, p.id AS partner_id, p.kind AS kind,
       shared, solutions
ORDER BY actor, a.id, sector, shared DESC, partner, partner_id
