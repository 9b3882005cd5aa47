/**
 * Seeded random numbers for Monte Carlo (MODEL.md §9.2): sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 32-bit, passes PractRand) with state (0x9E3779B9, 0x243F6A88, 0xB7E15162, seed) and 12 discarded outputs.
 */
export class Sfc32 {
  private a = 0x9e3779b9 | 0;
  private b = 0x243f6a88 | 0;
  private c = 0xb7e15162 | 0;
  private d: number;

  constructor(seed: number) {
    this.d = seed >>> 0 | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * The generator of Monte Carlo trial `trial` (docs/decisions/006): state (a, b, c, d) = (0x9E3779B9 ^ h(seed),
   * 0x243F6A88 ^ h(trial ^ h(seed)), 0xB7E15162 ^ h(trial + 0x632BE5AB), trial) with h the lowbias32 integer hash,
   * then 12 discarded outputs. Trial t's draws depend only on (seed, t), so any split of the trials gives the same
   * numbers.
   */
  static forTrial(seed: number, trial: number): Sfc32 {
    const generator = new Sfc32(0);
    generator.reseedForTrial(seed, trial);
    return generator;
  }

  /** Reset this generator to the state of `Sfc32.forTrial(seed, trial)` (no allocation). */
  reseedForTrial(seed: number, trial: number): void {
    const seedHash = lowbias32(seed >>> 0);
    this.a = (0x9e3779b9 ^ seedHash) | 0;
    this.b = (0x243f6a88 ^ lowbias32((trial ^ seedHash) >>> 0)) | 0;
    this.c = (0xb7e15162 ^ lowbias32((trial + 0x632be5ab) >>> 0)) | 0;
    this.d = trial | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** u = (x + 0.5)/2^32 ∈ (0, 1), never 0 or 1 (MODEL.md §9.2). */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Standard normal by the inverse CDF of a uniform (Acklam, |relative error| < 1.15e-9). */
  normal(): number {
    return inverseNormalCdf(this.uniform());
  }

  /**
   * Standard normal by the ziggurat (Marsaglia & Tsang 2000, 256 layers, in Doornik's 2005 form: the layer index and
   * the value come from separate outputs). Draws: u = (x₁ + 0.5)/2^31 - 1 ∈ (-1, 1) and layer i = x₂ & 255; if
   * |u| < X_{i+1}/X_i return u·X_i (98.8 % of draws, two outputs). Otherwise the wedge test takes one more uniform (a
   * rejection draws a new pair) and the base layer samples the tail beyond R by Marsaglia's method (pairs of uniforms).
   * docs/decisions/006: Monte Carlo's normal draws since 2026-12-03 (exact, unlike a rational inverse CDF).
   */
  gaussian(): number {
    const u = (this.nextUint32() + 0.5) * TWO_POW_M31 - 1;
    const layer = this.nextUint32() & 255;
    if (Math.abs(u) < ZIGGURAT_RATIO[layer]!) return u * ZIGGURAT_X[layer]!;
    return this.gaussianSlow(u, layer);
  }

  /**
   * Σ_k exp(σ·Z_k) over `count` normals Z_k: the same draws, in the same order, as `count` calls of `gaussian()`
   * (the generator's state stays in locals on the fast path).
   */
  expGaussianSum(count: number, sigma: number): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let sum = 0;
    for (let k = 0; k < count; k++) {
      // Two sfc32 steps (nextUint32 inlined).
      let t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = ((c << 21) | (c >>> 11)) + t | 0;
      const u = ((t >>> 0) + 0.5) * TWO_POW_M31 - 1;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = ((c << 21) | (c >>> 11)) + t | 0;
      const layer = t & 255;
      let z: number;
      if (Math.abs(u) < ZIGGURAT_RATIO[layer]!) {
        z = u * ZIGGURAT_X[layer]!;
      } else {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        z = this.gaussianSlow(u, layer);
        a = this.a;
        b = this.b;
        c = this.c;
        d = this.d;
      }
      sum += tableExp(sigma * z);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return sum;
  }

  /** The ziggurat's wedges and tail (Doornik 2005, DRanNormalZig): loops until a draw is accepted. */
  private gaussianSlow(u: number, layer: number): number {
    for (;;) {
      if (layer === 0) {
        // Tail |Z| > R (Marsaglia 1964): x = ln(u₁)/R, y = ln(u₂) until -2y ≥ x²; Z = ±(R - x).
        let x: number;
        let y: number;
        do {
          x = Math.log(this.uniform()) / ZIGGURAT_R;
          y = Math.log(this.uniform());
        } while (-2 * y < x * x);
        return u < 0 ? x - ZIGGURAT_R : ZIGGURAT_R - x;
      }
      // Wedge of layer i: accept x = u·X_i if f₁ + U·(f₀ - f₁) < 1 with f_k = exp(-(X_{i+k}² - x²)/2), k = 0, 1.
      const xi = ZIGGURAT_X[layer]!;
      const xNext = ZIGGURAT_X[layer + 1]!;
      const x = u * xi;
      const f0 = Math.exp(-0.5 * (xi * xi - x * x));
      const f1 = Math.exp(-0.5 * (xNext * xNext - x * x));
      if (f1 + this.uniform() * (f0 - f1) < 1) return x;
      u = (this.nextUint32() + 0.5) * TWO_POW_M31 - 1;
      layer = this.nextUint32() & 255;
      if (Math.abs(u) < ZIGGURAT_RATIO[layer]!) return u * ZIGGURAT_X[layer]!;
    }
  }

  /**
   * Standard exponential by the ziggurat (Marsaglia & Tsang 2000, 256 layers): u = (x₁ + 0.5)/2^32, layer
   * i = x₂ & 255; if u < X_{i+1}/X_i return u·X_i (98.9 % of draws, two outputs). The base layer's tail beyond R is
   * R + a fresh draw (memorylessness); a wedge takes one more uniform, a rejection draws a new pair.
   * docs/decisions/006: the gaps and durations of Monte Carlo's outage processes since 2026-12-03.
   */
  standardExponential(): number {
    let shift = 0;
    for (;;) {
      const u = (this.nextUint32() + 0.5) * TWO_POW_M32;
      const layer = this.nextUint32() & 255;
      const xi = EXPONENTIAL_ZIGGURAT_X[layer]!;
      const x = u * xi;
      if (u < EXPONENTIAL_ZIGGURAT_RATIO[layer]!) return shift + x;
      if (layer === 0) {
        // Beyond R: X - R is again Exp(1).
        shift += EXPONENTIAL_ZIGGURAT_R;
        continue;
      }
      // Wedge: accept if f₁ + U·(f₀ - f₁) < 1, f₀ = e^{x - X_i}, f₁ = e^{x - X_{i+1}}.
      const f0 = Math.exp(x - xi);
      const f1 = Math.exp(x - EXPONENTIAL_ZIGGURAT_X[layer + 1]!);
      if (f1 + this.uniform() * (f0 - f1) < 1) return shift + x;
    }
  }

  /** Exponential with the given mean: -mean·ln u. */
  exponential(mean: number): number {
    return -mean * Math.log(this.uniform());
  }

  /** Poisson by sequential inversion; means above 500 are split into independent Poisson(≤ 500) parts. */
  poisson(mean: number): number {
    let count = 0;
    let remaining = mean;
    while (remaining > 0) {
      const part = Math.min(remaining, POISSON_CHUNK);
      remaining -= part;
      const u = this.uniform();
      let k = 0;
      let p = Math.exp(-part);
      let cumulative = p;
      while (u > cumulative && p > 0) {
        k++;
        p *= part / k;
        cumulative += p;
      }
      count += k;
    }
    return count;
  }
}

const POISSON_CHUNK = 500;
const TWO_POW_M31 = 1 / 2147483648;
const TWO_POW_M32 = 1 / 4294967296;

/**
 * Ziggurat of the standard normal, 256 layers of area V under f(x) = exp(-x²/2) (Marsaglia & Tsang 2000, "The
 * Ziggurat Method for Generating Random Variables", R = 3.6541528853610088, V = 4.92867323399e-3): X_0 = V/f(R),
 * X_1 = R, X_i = √(-2 ln(V/X_{i-1} + f(X_{i-1}))), X_256 = 0; ZIGGURAT_RATIO[i] = X_{i+1}/X_i.
 */
const ZIGGURAT_R = 3.6541528853610088;
const ZIGGURAT_V = 4.92867323399e-3;
const ZIGGURAT_X = new Float64Array(257);
const ZIGGURAT_RATIO = new Float64Array(256);
{
  let f = Math.exp(-0.5 * ZIGGURAT_R * ZIGGURAT_R);
  ZIGGURAT_X[0] = ZIGGURAT_V / f;
  ZIGGURAT_X[1] = ZIGGURAT_R;
  for (let i = 2; i < 256; i++) {
    ZIGGURAT_X[i] = Math.sqrt(-2 * Math.log(ZIGGURAT_V / ZIGGURAT_X[i - 1]! + f));
    f = Math.exp(-0.5 * ZIGGURAT_X[i]! * ZIGGURAT_X[i]!);
  }
  ZIGGURAT_X[256] = 0;
  for (let i = 0; i < 256; i++) ZIGGURAT_RATIO[i] = ZIGGURAT_X[i + 1]! / ZIGGURAT_X[i]!;
}

/**
 * e^x for |x| < 32 from two tables: with k = round(64x) + 64·32 and r = x - round(64x)/64 (|r| ≤ 1/128),
 * e^x = e^{⌊k/64⌋ - 32}·e^{(k mod 64)/64}·Σ_{n≤6} r^n/n! (truncation r^7/7! < 4e-19; table values from Math.exp;
 * within 6e-16 relative of Math.exp: test). Math.exp outside. The daily volume factors use it (2× faster).
 */
const EXP_TABLE_RANGE = 32;
const EXP_TABLE_OFFSET = 64 * EXP_TABLE_RANGE;
const EXP_WHOLE = Float64Array.from({ length: 2 * EXP_TABLE_RANGE + 1 }, (_, n) => Math.exp(n - EXP_TABLE_RANGE));
const EXP_SIXTY_FOURTHS = Float64Array.from({ length: 64 }, (_, j) => Math.exp(j / 64));

export function tableExp(x: number): number {
  if (!(x > -EXP_TABLE_RANGE && x < EXP_TABLE_RANGE)) return Math.exp(x);
  const steps = Math.floor(x * 64 + 0.5);
  const r = x - steps * 0.015625;
  const index = steps + EXP_TABLE_OFFSET;
  return EXP_WHOLE[index >> 6]! * EXP_SIXTY_FOURTHS[index & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r / 720))))));
}

/**
 * Ziggurat of the standard exponential, 256 layers of area V under f(x) = e^{-x} (Marsaglia & Tsang 2000:
 * R = 7.69711747013104972, V = 3.949659822581572e-3): X_0 = V/f(R), X_1 = R, X_i = -ln(V/X_{i-1} + f(X_{i-1})),
 * X_256 = 0.
 */
const EXPONENTIAL_ZIGGURAT_R = 7.69711747013104972;
const EXPONENTIAL_ZIGGURAT_V = 3.949659822581572e-3;
const EXPONENTIAL_ZIGGURAT_X = new Float64Array(257);
const EXPONENTIAL_ZIGGURAT_RATIO = new Float64Array(256);
{
  let f = Math.exp(-EXPONENTIAL_ZIGGURAT_R);
  EXPONENTIAL_ZIGGURAT_X[0] = EXPONENTIAL_ZIGGURAT_V / f;
  EXPONENTIAL_ZIGGURAT_X[1] = EXPONENTIAL_ZIGGURAT_R;
  for (let i = 2; i < 256; i++) {
    EXPONENTIAL_ZIGGURAT_X[i] = -Math.log(EXPONENTIAL_ZIGGURAT_V / EXPONENTIAL_ZIGGURAT_X[i - 1]! + f);
    f = Math.exp(-EXPONENTIAL_ZIGGURAT_X[i]!);
  }
  EXPONENTIAL_ZIGGURAT_X[256] = 0;
  for (let i = 0; i < 256; i++) EXPONENTIAL_ZIGGURAT_RATIO[i] = EXPONENTIAL_ZIGGURAT_X[i + 1]! / EXPONENTIAL_ZIGGURAT_X[i]!;
}

/** lowbias32 (Chris Wellons' integer hash, bias 0.17): x ^= x>>16; x *= 0x7feb352d; x ^= x>>15; x *= 0x846ca68b; x ^= x>>16. */
function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1): Peter Acklam's rational approximation (|relative error| < 1.15e-9), MODEL.md §9.2. */
export function inverseNormalCdf(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}
