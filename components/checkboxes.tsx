import { ChoiceGroup, type ChoiceGroupProps } from "./choice-group";

export type { ChoiceDivider, ChoiceItem } from "./choice-group";

export type CheckboxesProps = ChoiceGroupProps & {
  /** The values ticked when the page loads (the user's saved answers). */
  defaultValues?: readonly string[];
};

export function Checkboxes({ defaultValues = [], ...props }: CheckboxesProps) {
  return <ChoiceGroup type="checkbox" isChecked={(value) => defaultValues.includes(value)} {...props} />;
}
