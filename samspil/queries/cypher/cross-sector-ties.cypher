// title: Collaboration ties by sector pair / Samarbejdsbånd efter sektorpar
// description: How many collaboration ties (COLLABORATES_WITH: two actors that made a solution
//    together) join each pair of sectors, and how many shared solutions lie behind them.
//    Ties inside one sector have the same sector twice.
// returns: sector_a, sector_b (in the order public, private, civil, knowledge), cross_sector
//    (true when the two differ), ties, shared_solutions (sum of the ties' weights)
MATCH (a:Actor)-[c:COLLABORATES_WITH]->(b:Actor)
WITH c, [x IN ['public', 'private', 'civil', 'knowledge'] WHERE x = a.sector OR x = b.sector] AS pair
WHERE size(pair) > 0
WITH c, pair[0] AS sector_a, pair[size(pair) - 1] AS sector_b
RETURN sector_a, sector_b, sector_a <> sector_b AS cross_sector, count(c) AS ties,
       toInteger(sum(c.weight)) AS shared_solutions
ORDER BY ties DESC, sector_a, sector_b
