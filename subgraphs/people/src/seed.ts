import { chinaDate, insertInChunks, transaction, type Subgraph } from '@cadres/kit';
import { buildDemoPeople, type DemoWorld } from '@cadres/demo';
import { Cadre, Campaign, CampaignDepartment, Department, HelpRecord, Household, HouseholdTagRow, Liaison, Pledge, Resident, Visit, VisitCadre, openKeyOf } from './entities';

/**
 * Loads the demo world's departments (township units too), cadres, village and 包片 links, and
 * the people generated from it on the subgraph's today in China (@cadres/demo buildDemoPeople:
 * households, residents, household, building-unit, enterprise and project links, visits up to
 * today, the running campaign, help records and pledges), once: a database with departments is
 * left alone.
 */
export async function seedPeople({ ds, now }: Subgraph, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(Department).count()) > 0) return false;
  const people = buildDemoPeople(world, { today: chinaDate(now()) });
  const link = (l: { id: string; cadreId: string; targetType: Liaison['targetType']; targetId: string; divisionCode: string; role: Liaison['role']; since: string }) => ({
    ...l,
    until: null,
    openKey: openKeyOf(l),
    firstSecretaryKey: l.role === 'FIRST_SECRETARY' ? l.cadreId : null,
    version: 1,
  });
  const { campaign } = people;
  await transaction(ds, async (tx) => {
    // Copies: TypeORM writes the column defaults (version) back into the objects it inserts.
    await insertInChunks(tx, Department, world.departments.map((d) => ({ ...d, leaderCadreId: null, version: 1 })));
    await insertInChunks(
      tx,
      Cadre,
      world.cadres.map(({ rank, ...c }) => ({ ...c, cadreRank: rank, version: 1 })),
    );
    await insertInChunks(
      tx,
      Liaison,
      [...world.villageLiaisons, ...world.areaLeads].map((l) => link({ id: l.id, cadreId: l.cadreId, targetType: 'Division', targetId: l.divisionCode, divisionCode: l.divisionCode, role: l.role, since: l.since })),
    );
    await insertInChunks(tx, Liaison, people.liaisons.map(link));
    await insertInChunks(tx, Household, people.households.map(({ tags: _tags, ...h }) => ({ ...h, version: 1 })));
    await insertInChunks(tx, Resident, people.residents.map((r) => ({ ...r, version: 1 })));
    await insertInChunks(
      tx,
      HouseholdTagRow,
      people.households.flatMap((h) => h.tags.map((tag) => ({ householdId: h.id, tag, divisionCode: h.divisionCode }))),
    );
    await insertInChunks(tx, Visit, people.visits.map(({ cadreIds, ...v }) => ({ ...v, cadreCount: cadreIds.length, version: 1 })));
    await insertInChunks(
      tx,
      VisitCadre,
      people.visits.flatMap((v) => v.cadreIds.map((cadreId) => ({ visitId: v.id, cadreId, date: v.date, divisionCode: v.divisionCode }))),
      500,
    );
    const { rules } = campaign;
    await insertInChunks(tx, Campaign, [{
      id: campaign.id,
      name: campaign.name,
      divisionCode: campaign.divisionCode,
      dateFrom: campaign.from,
      dateTo: campaign.to,
      phases: campaign.phases,
      householdsPerCadre: rules.householdsPerCadre,
      visitsPerHousehold: rules.visitsPerHousehold,
      cadresPerHomeVisit: rules.cadresPerHomeVisit,
      cadresPerBuildingUnit: rules.cadresPerBuildingUnit,
      rankedLiaisonRanks: rules.rankedLiaisonRanks.join(','),
      areaLeadCovers: rules.areaLeadCovers,
      version: 1,
    }]);
    await insertInChunks(tx, CampaignDepartment, campaign.departmentIds.map((departmentId) => ({ campaignId: campaign.id, departmentId })), 500);
    await insertInChunks(tx, HelpRecord, people.helpRecords.map((r) => ({ ...r })));
    await insertInChunks(tx, Pledge, people.pledges.map((p) => ({ ...p, version: 1 })));
  });
  return true;
}
