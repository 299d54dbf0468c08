// title: Solutions that join several sectors / Løsninger på tværs af sektorer
// description: Solutions whose makers (owners, partners and funders) come from at least
//    minSectors of the four sectors (public, private, civil, knowledge), most sectors first.
// param minSectors (integer, default 3): the least number of sectors among the makers
// example: minSectors=3
// example: minSectors=2
// returns: solution (name), solution_id, n_sectors, sectors (in the order public, private,
//    civil, knowledge), makers (the makers' names with their sector, sorted), year
MATCH (a:Actor)-[r:OWNS|PARTNER_IN]->(s:Solution)
WHERE a.sector IS NOT NULL
WITH DISTINCT s, a
ORDER BY a.name, a.id
WITH s, collect(a.sector) AS maker_sectors, collect(a.name + ' (' + a.sector + ')') AS makers
WITH s, makers, [x IN ['public', 'private', 'civil', 'knowledge'] WHERE x IN maker_sectors] AS sectors
WHERE size(sectors) >= $minSectors
RETURN s.name AS solution, s.id AS solution_id, size(sectors) AS n_sectors, sectors, makers, s.year AS year
ORDER BY n_sectors DESC, solution, solution_id
