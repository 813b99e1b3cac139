/** One text a line. */
function lines(text: string): readonly string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * What people write on demo registrations: reasons, questions and answers, in the register channel
 * managers and partners use.
 */
export const TEXTS = {
  rejectedForConflict: lines(`
    Another partner registered this customer first; the earlier registration stands and this one is declined.
    The customer is already registered by another partner for the same products; please coordinate with the channel manager.
  `),
  rejectedForDirectSales: lines(`
    The direct account team is already engaged with this customer on the same products.
    The customer is a named direct account; please work with the account executive on a co-sell instead.
    Direct sales holds an active opportunity with this customer; the registration cannot be protected.
  `),
  rejectedOther: lines(`
    The opportunity is not qualified yet: no budget or decision timeline was confirmed.
    The customer is under contract for these products until next year.
    The scope reviewed falls below the program's registration criteria.
    The end customer could not be verified; please re-register with the legal entity and a named contact.
  `),
  rejectedDuplicate: lines(`
    Duplicate of your earlier registration for the same customer; please update that one instead.
  `),
  infoRequests: lines(`
    Please add the customer's procurement contact and the expected number of seats.
    Which products and quantities is the customer evaluating? Please attach the latest proposal.
    Please confirm the end customer's legal entity and headquarters address.
    What is the customer's decision timeline and how far along is the budget approval?
  `),
  infoAnswers: lines(`
    Added the procurement contact; the customer plans 250 seats in the first year.
    Proposal attached: three sites in phase one and the remaining sites in phase two.
    Legal entity confirmed with the customer's finance team; headquarters address updated.
    The budget is approved; the customer expects to sign within the quarter.
  `),
  extensionReasons: lines(`
    The customer's security review has pushed the signature into next month.
    Procurement asked for a revised quote; the decision moved to the next board meeting.
    Legal review of the master agreement is taking longer than planned.
    The customer added a second business unit to the scope and the proposal is being reworked.
  `),
  extensionDenials: lines(`
    The opportunity shows no activity since approval; please register it again if it revives.
    Extensions need a confirmed close plan and none was provided.
  `),
  lostReasons: lines(`
    Lost to a competitor on price.
    The customer postponed the project indefinitely.
    The customer extended the incumbent solution for another year.
    No decision: the customer froze the budget.
  `),
  withdrawReasons: lines(`
    The customer decided to buy directly.
    Registered by mistake: the customer is already covered by our framework agreement.
    The customer put the project on hold.
    Another office of ours will register this customer.
  `),
  overrideReasons: lines(`
    The partner brought the customer to the evaluation; the account executive agrees the partner leads the deal.
    The competing registration concerns a different division of the customer.
  `),
  descriptions: lines(`
    Replacing a legacy on-premises stack; about 400 users across four sites.
    Expansion of the existing footprint to a new business unit.
    Greenfield project following a successful proof of concept.
    Consolidation of three point solutions onto one platform.
    Regulatory deadline drives the timeline; the customer wants a phased rollout.
    Cloud migration of the customer's data centre with a managed service afterwards.
  `),
} as const;
