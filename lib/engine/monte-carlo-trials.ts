import { DAYS_PER_MONTH, MIN_PER_MONTH } from './constants';
import { dailyPeriods } from './load';
import { DriftedLengthMoments, MonthCostTable, TrialCostModel } from './monte-carlo-costs';
import { OutageSampler } from './outage-sampler';
import { lengthModel, prepareScenario, type LengthModel, type PreparedScenario } from './prepare';
import { Sfc32 } from './prng';
import type { EngineInput } from './types';

/** Days averaged into the monthly volume multiplier (MODEL.md §9.1a). */
const DAYS_SAMPLED = 30;

/**
 * Where the trial-months go, trial-major (index (t - firstTrial)·months + m): TCO_m and, when asked for, its token
 * spend and the realized downtime minutes (MODEL.md §9.3).
 */
export interface TrialMonthSink {
  tco: Float64Array;
  tokenSpend: Float64Array | null;
  downtimeMinutes: Float64Array | null;
}

/** σ of a mean-one lognormal multiplier with coefficient of variation cv: σ² = ln(1 + cv²) (MODEL.md §9.1). */
function multiplierSigma(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

interface CostModel {
  key: string;
  prepared: PreparedScenario;
  lengths: LengthModel;
  model: TrialCostModel;
  table: MonthCostTable;
  /** Σ_c w_c over chains all of whose providers are down in S, per mask S (MODEL.md §9.3 downtime). */
  downWeight: Float64Array;
}

/**
 * The cost model of the last input, reused by the next call with the same scenario (a worker sampling a run in
 * parts): its lattice nodes are pure functions of (scenario, state, node), so reuse changes no number.
 */
let lastCostModel: CostModel | null = null;

function costModelFor(input: EngineInput): CostModel {
  // Trials, seed and name do not change the cost model.
  const key = JSON.stringify({ ...input, monteCarlo: undefined, name: undefined });
  if (lastCostModel?.key !== key) {
    const prepared = prepareScenario(input);
    const lengths = lengthModel(prepared);
    const downWeight = new Float64Array(1 << prepared.providers.length);
    for (let mask = 0; mask < downWeight.length; mask++) {
      for (const chain of prepared.chains) if ((mask & chain.providerMask) === chain.providerMask) downWeight[mask] = downWeight[mask]! + chain.weight;
    }
    const table = new MonthCostTable(prepared, input.horizonMonths);
    lastCostModel = { key, prepared, lengths, model: new TrialCostModel(prepared, lengths), table, downWeight };
  }
  return lastCostModel;
}

/**
 * Every trial-month of §9 (MODEL.md §9.1-§9.3) for trials firstTrial … firstTrial + trialCount - 1 into `sink`, by the cost-only
 * path of docs/decisions/006. Trial t draws only from `Sfc32.forTrial(seed, t)`, in the order of §9.2 within the trial
 * (per month: 30 volume normals, input drift, output drift, the common outage process, then each provider's), normals
 * by the ziggurat (`Sfc32.gaussian`). Per trial-month: realized state fractions (OutageSampler), drifted token lengths
 * (p_I, PE_I, E[in] and E[out] exactly), the per-state cost coefficients at the month's arrivals (TrialCostModel),
 * then the §8 cost lines with month-only prices precomputed (MonthCostTable), SLA credits on realized availability
 * and downtime on realized all-down minutes. No allocation per trial-month.
 */
export function sampleTrialMonths(input: EngineInput, firstTrial: number, trialCount: number, sink: TrialMonthSink): TrialCostModel {
  const seed = input.monteCarlo?.seed ?? 1;
  const { prepared, lengths, model, table, downWeight } = costModelFor(input);
  const { workload } = input;
  const months = input.horizonMonths;
  const minutesPerMonth = MIN_PER_MONTH;
  const daysPerMonth = DAYS_PER_MONTH;
  const { commonUnavailability, residualUnavailability } = prepared.outage;
  const providerCount = prepared.providers.length;
  const modelCount = prepared.models.length;
  const sampler = new OutageSampler(
    providerCount,
    commonUnavailability,
    input.commonOutageMinutes,
    residualUnavailability,
    prepared.providers.map((p) => p.meanOutageMinutes),
  );
  const masks = sampler.masks;
  const fractions = sampler.fractions;
  const rng = new Sfc32(0);
  const volumeSigma = multiplierSigma(workload.dailyVolumeCV);
  // V = (1/30)·Σ_d exp(σ_v Z_d - σ_v²/2) = e^{-σ_v²/2}/30 · Σ_d exp(σ_v Z_d) (MODEL.md §9.1a).
  const volumeScale = Math.exp(-(volumeSigma * volumeSigma) / 2) / DAYS_SAMPLED;
  const inputSigma = multiplierSigma(workload.inputDriftCV);
  const outputSigma = multiplierSigma(workload.outputDriftCV);
  const batchShare = workload.batchShare;
  const growth = new Float64Array(months);
  const lnGrowth = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    growth[m] = workload.requestsPerDay * (1 + workload.monthlyGrowthPct / 100) ** m;
    lnGrowth[m] = Math.log(growth[m]!);
  }
  // λ_π = R_m·V·(1 - b)·level_π/1440 (MODEL.md §6.1): ln λ_π = ln(R_m·V) + ln((1 - b)·level_π/1440).
  const periods = dailyPeriods(workload);
  const periodCount = periods.length;
  const periodShare = Float64Array.from(periods.map((p) => p.share));
  const periodMinutes = Float64Array.from(periods.map((p) => p.minutesPerMonth));
  const lnArrivalFactor = Float64Array.from(periods.map((p) => Math.log(((1 - batchShare) * p.level) / 1440)));

  const moments = new DriftedLengthMoments(lengths, model.bounds);
  const entries = model.entries;
  const block = model.block;
  const multiplierIsMass = model.multiplierIsMass;
  // Entry e multiplies massThenPartial[source[e]]: p_I at I, PE_I at intervals + I.
  const massThenPartial = moments.massThenPartial;
  const source = Int32Array.from({ length: entries }, (_, e) => Math.floor(e / block) + (multiplierIsMass[e] === 1 ? 0 : model.intervalCount));
  const { tco: tcoOut, tokenSpend: tokenSpendOut, downtimeMinutes: downtimeOut } = sink;
  // Scratch, reused by every trial-month.
  const coefficients = new Float64Array(entries);
  const multipliers = new Float64Array(entries);
  const perRequest = new Float64Array(block);
  const weights = new Float64Array(4);
  const spend = new Float64Array(providerCount);
  const { inputPrice, outputPrice, providerOf, capacityTPM, batchInputPrice, batchOutputPrice, flatRate, providerFlat, fixedCharges, creditProviders } = table;
  const { aggregatorFeeShare, downtimeCostPerMinute, failedRequestCost } = table;
  // SLA tiers of the credit providers, flat: tiers of creditProviders[c] at tierStart[c] … tierStart[c+1]-1.
  const tierStart = new Int32Array(creditProviders.length + 1);
  const tierBelow: number[] = [];
  const tierCredit: number[] = [];
  creditProviders.forEach((p, c) => {
    for (const tier of prepared.providers[p]!.slaCredits) {
      tierBelow.push(tier.belowPct);
      tierCredit.push(tier.creditPct);
    }
    tierStart[c + 1] = tierBelow.length;
  });
  const tierBelowPct = Float64Array.from(tierBelow);
  const tierCreditPct = Float64Array.from(tierCredit);
  const latticePosition = TrialCostModel.latticePosition;
  let lastInputShift = NaN;
  let lastOutputShift = NaN;

  for (let t = firstTrial; t < firstTrial + trialCount; t++) {
    rng.reseedForTrial(seed, t);
    for (let m = 0; m < months; m++) {
      const volume = rng.expGaussianSum(DAYS_SAMPLED, volumeSigma) * volumeScale;
      // §9.1b: μ += ln(multiplier), multiplier = exp(σZ - σ²/2).
      const inputShift = inputSigma * rng.gaussian() - (inputSigma * inputSigma) / 2;
      const outputShift = outputSigma * rng.gaussian() - (outputSigma * outputSigma) / 2;
      sampler.sample(rng);
      if (inputShift !== lastInputShift || outputShift !== lastOutputShift) {
        moments.set(inputShift, outputShift);
        for (let e = 0; e < entries; e++) multipliers[e] = massThenPartial[source[e]!]!;
        lastInputShift = inputShift;
        lastOutputShift = outputShift;
      }
      const inputMean = moments.inputMean;
      const outputMean = moments.outputMean;

      const requestsPerDay = growth[m]! * volume;
      const lnRequestsPerDay = lnGrowth[m]! + Math.log(volume);
      const requests = requestsPerDay * daysPerMonth;
      const realtimeRequests = requests * (1 - batchShare);
      const stateCount = sampler.count;
      for (let p = 0; p < providerCount; p++) spend[p] = 0;
      let realtimeCost = 0;
      let failure = 0;
      for (let k = 0; k < periodCount; k++) {
        // Σ_S π̂_S × the state's coefficients at the period's arrivals (the first state assigns).
        const lnArrivals = lnRequestsPerDay + lnArrivalFactor[k]!;
        if (lnArrivals > -Infinity) {
          const base = latticePosition(lnArrivals, weights, 0);
          for (let s = 0; s < stateCount; s++) model.accumulate(masks[s]!, fractions[s]!, base, weights, 0, coefficients, s === 0);
        } else {
          for (let e = 0; e < entries; e++) coefficients[e] = 0;
          for (let s = 0; s < stateCount; s++) model.accumulateIdle(masks[s]!, fractions[s]!, coefficients);
        }
        // Per-request expectations of the period: the linear map at this trial's p_I and PE_I.
        for (let b = 0; b < block; b++) perRequest[b] = coefficients[b]! * multipliers[b]!;
        for (let e = block; e < entries; e += block) {
          for (let b = 0; b < block; b++) perRequest[b] = perRequest[b]! + coefficients[e + b]! * multipliers[e + b]!;
        }
        // §8.1 and §8.3 per model: billed input (successes + timeouts)·E[in], output as billed, × φ if provisioned.
        const periodRequests = realtimeRequests * periodShare[k]!;
        const minutes = periodMinutes[k]!;
        const priceAt = m * modelCount;
        for (let j = 0; j < modelCount; j++) {
          const inputTokens = periodRequests * perRequest[j]! * inputMean;
          const outputTokens = periodRequests * perRequest[modelCount + j]!;
          let cost = inputTokens * inputPrice[priceAt + j]! + outputTokens * outputPrice[priceAt + j]!;
          const capacity = capacityTPM[j]!;
          if (capacity > 0) {
            // §8.3 φ = max(0, 1 - capacityTPM/τ), τ = billed tokens per minute (φ = 0 without traffic).
            const perMinute = minutes > 0 ? (inputTokens + outputTokens) / minutes : 0;
            cost *= perMinute > 0 ? Math.max(0, 1 - capacity / perMinute) : 0;
          }
          const p = providerOf[j]!;
          spend[p] = spend[p]! + cost;
          realtimeCost += cost;
        }
        failure += periodShare[k]! * perRequest[2 * modelCount]!;
      }
      // §8.2 batch at each chain's first model, no φ.
      const batchRequests = requests * batchShare;
      let batchCost = 0;
      if (batchRequests > 0) {
        for (let p = 0, at = m * providerCount; p < providerCount; p++, at++) {
          const cost = batchRequests * (inputMean * batchInputPrice[at]! + outputMean * batchOutputPrice[at]!);
          spend[p] = spend[p]! + cost;
          batchCost += cost;
        }
      }
      const tokenCost = realtimeCost + batchCost;

      // Realized all-down minutes weighted by w_c, and SLA credits at realized availability (MODEL.md §9.3, §8.5).
      let downWeighted = 0;
      for (let s = 0; s < stateCount; s++) downWeighted += fractions[s]! * downWeight[masks[s]!]!;
      const downtimeMinutes = downWeighted * minutesPerMonth;
      let slaCredits = 0;
      for (let c = 0; c < creditProviders.length; c++) {
        const p = creditProviders[c]!;
        let down = 0;
        for (let s = 0; s < stateCount; s++) if (masks[s]! & (1 << p)) down += fractions[s]!;
        // §8.5: credit% = max creditPct over tiers with 100·a < belowPct.
        const availabilityPct = 100 * (1 - down);
        let pct = 0;
        for (let i = tierStart[c]!; i < tierStart[c + 1]!; i++) if (availabilityPct < tierBelowPct[i]! && tierCreditPct[i]! > pct) pct = tierCreditPct[i]!;
        if (pct > 0) slaCredits += (pct / 100) * (spend[p]! + providerFlat[m * providerCount + p]!);
      }
      // §8.6 TCO_m: token + flat + aggregator fee + platform + engineering + downtime + failed requests - credits.
      const tco =
        tokenCost +
        flatRate[m]! +
        aggregatorFeeShare * tokenCost +
        fixedCharges[m]! +
        downtimeMinutes * downtimeCostPerMinute +
        realtimeRequests * failure * failedRequestCost -
        slaCredits;
      const at = (t - firstTrial) * months + m;
      tcoOut[at] = tco;
      if (tokenSpendOut) tokenSpendOut[at] = tokenCost;
      if (downtimeOut) downtimeOut[at] = downtimeMinutes;
    }
  }
  return model;
}
