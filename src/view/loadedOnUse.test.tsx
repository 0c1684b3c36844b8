// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadedOnUse } from './loadedOnUse.tsx';

afterEach(cleanup);

function Hello({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

describe('loadedOnUse', () => {
  it('renders nothing until the module arrives, then the component with its props; loads once', async () => {
    let resolve!: (c: typeof Hello) => void;
    const load = vi.fn(() => new Promise<typeof Hello>((r) => (resolve = r)));
    const Slot = loadedOnUse(load);
    const { container } = render(<Slot name="A" />);
    expect(container.textContent).toBe('');
    await act(async () => resolve(Hello));
    expect(screen.getByText('hello A')).toBeTruthy();
    // A second mount shows it at once, from the loaded module.
    cleanup();
    render(<Slot name="B" />);
    expect(screen.getByText('hello B')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('after a failed load, the next mount tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn<() => Promise<typeof Hello>>()
      .mockImplementationOnce(() => Promise.reject(new Error('chunk failed')))
      .mockImplementationOnce(() => Promise.resolve(Hello));
    const Slot = loadedOnUse(load);
    const { container } = render(<Slot name="A" />);
    await act(async () => {});
    expect(container.textContent).toBe('');
    expect(error).toHaveBeenCalled();
    cleanup();
    render(<Slot name="C" />);
    await act(async () => {});
    expect(screen.getByText('hello C')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
