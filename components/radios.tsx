import { ChoiceGroup, type ChoiceGroupProps } from "./choice-group";

export type { ChoiceDivider, ChoiceItem } from "./choice-group";

export type RadiosProps = ChoiceGroupProps & {
  /** The value selected when the page loads (the user's saved answer). */
  defaultValue?: string;
};

export function Radios({ defaultValue, ...props }: RadiosProps) {
  return <ChoiceGroup type="radio" isChecked={(value) => value === defaultValue} {...props} />;
}
