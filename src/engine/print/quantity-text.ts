/** How kubectl prints a quantity: resource.Quantity.String(). */
import { canonicalQuantity } from '../model/quantity';

/** The canonical form ("1024Mi" prints "1Gi"); an absent quantity is Go's zero value, "0". */
export function quantityText(quantity: string | undefined): string {
  if (quantity === undefined) return '0';
  return canonicalQuantity(quantity) ?? quantity;
}
