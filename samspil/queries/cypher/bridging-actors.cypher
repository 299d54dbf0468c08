// title: Actors that bridge sectors / Aktører der bygger bro mellem sektorer
// description: Actors ranked by how many other sectors their collaboration partners come
//    from (partners on a shared solution, COLLABORATES_WITH), then by their number of
//    partners outside their own sector. A Cypher measure of bridging; for brokerage in
//    the network sense (betweenness, Gould-Fernandez roles) see `samspil network`.
// param minSectors (integer, default 2): the least number of other sectors among the partners
// param limit (integer, default 25): at most this many actors
// example: minSectors=2
// example: minSectors=1 limit=10
// returns: actor (name), actor_id, kind, sector, n_other_sectors, other_sectors (in the order
//    public, private, civil, knowledge), cross_sector_partners, partners
MATCH (a:Actor)-[c:COLLABORATES_WITH]-(p:Actor)
WITH a, p, c
WITH a, collect(DISTINCT p.sector) AS partner_sectors, count(DISTINCT p) AS partners,
     count(DISTINCT CASE WHEN p.sector <> a.sector THEN p END) AS cross_sector_partners
WITH a, partners, cross_sector_partners,
     [x IN ['public', 'private', 'civil', 'knowledge'] WHERE x IN partner_sectors AND x <> a.sector] AS other_sectors
WHERE size(other_sectors) >= $minSectors
RETURN a.name AS actor, a.id AS actor_id, a.kind AS kind, a.sector AS sector,
       size(other_sectors) AS n_other_sectors, other_sectors, cross_sector_partners, partners
ORDER BY n_other_sectors DESC, cross_sector_partners DESC, partners DESC, actor, actor_id
LIMIT $limit
