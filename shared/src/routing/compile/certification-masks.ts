import type { Certification } from '../../entities/partner.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { PartnerBits, unionOf } from './partner-bits.js';

/**
 * Whether a certification counts on a program day: earned on or before it, and not past its expiry date
 * (a certification is still valid on the day it expires).
 */
export function isCertificationValid(certification: Certification, today: CalendarDate): boolean {
  return certification.earnedOn <= today && (certification.expiresOn === null || today <= certification.expiresOn);
}

/** Partners certified per product, for one certification type or for any. */
export interface ProductMasks {
  /** Partners certified for one product. */
  readonly byProduct: Map<string, PartnerBits>;
  /** Partners holding a certification that names no product: it covers every product. */
  readonly general: PartnerBits;
}

function productMasks(
  wordCount: number,
  entries: readonly { product: string | null; partner: number }[],
): ProductMasks {
  const general = PartnerBits.of(
    wordCount,
    entries.filter((entry) => entry.product === null).map((entry) => entry.partner),
  );
  const positions = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.product === null) continue;
    const list = positions.get(entry.product) ?? [];
    list.push(entry.partner);
    positions.set(entry.product, list);
  }
  const byProduct = new Map<string, PartnerBits>();
  for (const [product, list] of positions) {
    byProduct.set(product, unionOf(wordCount, [PartnerBits.of(wordCount, list), general]));
  }
  return { byProduct, general };
}

/**
 * Which partners hold a valid certification for a product, of any type or of one type, on one program day.
 * A certification without a product counts for every product.
 */
export class CertificationMasks {
  private readonly anyType: ProductMasks;
  private readonly byType = new Map<string, ProductMasks>();

  constructor(
    readonly today: CalendarDate,
    wordCount: number,
    certificationsByPartner: readonly (readonly Certification[])[],
  ) {
    const all: { type: string; product: string | null; partner: number }[] = [];
    certificationsByPartner.forEach((certifications, partner) => {
      for (const certification of certifications) {
        if (isCertificationValid(certification, today)) {
          all.push({ type: certification.type, product: certification.product ?? null, partner });
        }
      }
    });
    this.anyType = productMasks(wordCount, all);
    for (const type of new Set(all.map((entry) => entry.type))) {
      this.byType.set(
        type,
        productMasks(
          wordCount,
          all.filter((entry) => entry.type === type),
        ),
      );
    }
  }

  /** The masks for one certification type (`null`: any type); `undefined` when nobody holds that type. */
  ofType(type: string | null): ProductMasks | undefined {
    return type === null ? this.anyType : this.byType.get(type);
  }

  /** Partners certified for `product` (of `type` when given); `undefined` when none is. */
  lookup(product: string, type: string | null): PartnerBits | undefined {
    return certifiedFor(this.ofType(type), product);
  }
}

/** Partners certified for a product in one type's masks (a product-less certification counts for all). */
export function certifiedFor(masks: ProductMasks | undefined, product: string): PartnerBits | undefined {
  if (!masks) return undefined;
  const found = masks.byProduct.get(product) ?? masks.general;
  return found.isEmpty() ? undefined : found;
}
