/**
 * A counter that goes up each time a scenario is opened from a link, a file or the gallery,
 * so the canvas fits the new topology even when its host names are the same as before.
 */
import { createContext, useContext } from 'react';

export const LoadGenerationContext = createContext(0);

export function useLoadGeneration(): number {
  return useContext(LoadGenerationContext);
}
