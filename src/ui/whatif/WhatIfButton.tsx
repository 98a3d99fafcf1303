/** For a Bound claim in the inspector: open the Retain-or-Delete what-if. */
import { useState } from 'react';
import { useAppStore } from '../store';
import { boundClaim } from './reclaim-plan';
import { WhatIfDialog } from './WhatIfDialog';

export function WhatIfButton({ namespace, name }: { namespace: string; name: string }) {
  const bound = useAppStore((store) =>
    store.frame ? boundClaim(store.frame.state, namespace, name) !== undefined : false,
  );
  const [open, setOpen] = useState(false);
  if (!bound && !open) return null;
  return (
    <div className="object-actions">
      <button type="button" onClick={() => setOpen(true)} disabled={!bound}>
        What if it is deleted?
      </button>
      {open && <WhatIfDialog namespace={namespace} name={name} onClose={() => setOpen(false)} />}
    </div>
  );
}
