/**
 * What the selected object uses and what uses it, read from the engine's relations table. Each
 * item selects that object's card; a reference nothing answers to is marked missing instead.
 */
import { useState } from 'react';
import type { ClusterState, Relation, RelationEnd } from '../../engine';
import { describeAsset, outgoing, referrers, relationEndKey, relationLabel } from '../../engine';
import { relationEndNodeId } from '../graph/ids';
import { ASSET_KIND_LABELS, assetName, kindLabelOf, shownName } from '../graph/labels';
import { useAppStore } from '../store';

/** Past this many, a list shows its first items and a button for the rest (a node runs many pods). */
const SHORT_LIST = 8;

interface Item {
  readonly key: string;
  readonly relation: Relation;
  /** The end at the other side: the target of a "uses", the source of a "used by". */
  readonly other: RelationEnd;
  readonly exists: boolean;
}

export function RelationLists({ state, end }: { state: ClusterState; end: RelationEnd }) {
  const uses = items(
    outgoing(state, end),
    (relation) => relation.to,
    (relation) => relation.targetExists,
  );
  const usedBy = items(
    referrers(state, end),
    (relation) => relation.from,
    () => true,
  );
  return (
    <div className="relations">
      <RelationList title="Uses" items={uses} state={state} direction="uses" />
      <RelationList title="Used by" items={usedBy} state={state} direction="used-by" />
    </div>
  );
}

/** One item per relation name and other end (a pod naming a claim in two volumes uses it once). */
function items(
  relations: readonly Relation[],
  otherOf: (relation: Relation) => RelationEnd,
  existsOf: (relation: Relation) => boolean,
): Item[] {
  const byKey = new Map<string, Item>();
  for (const relation of relations) {
    const other = otherOf(relation);
    const key = `${relation.name}|${relationEndKey(other)}`;
    if (!byKey.has(key)) byKey.set(key, { key, relation, other, exists: existsOf(relation) });
  }
  return [...byKey.values()];
}

function RelationList({
  title,
  items: all,
  state,
  direction,
}: {
  title: string;
  items: readonly Item[];
  state: ClusterState;
  direction: 'uses' | 'used-by';
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? all : all.slice(0, SHORT_LIST);
  return (
    <>
      <h4 className="relations__title">{title}</h4>
      {all.length === 0 ? (
        <p className="relations__none">nothing</p>
      ) : (
        <ul className="relations__list" aria-label={title}>
          {shown.map((item) => {
            // "mounts claim PVC data" for what it uses; "Pod app mounts claim" for what uses it.
            const label = (
              <span className="relations__label" title={item.relation.field}>
                {relationLabel(item.relation.name)}
              </span>
            );
            const target = <EndLink end={item.other} exists={item.exists} state={state} />;
            return (
              <li key={item.key}>
                {direction === 'uses' ? (
                  <>
                    {label} {target}
                  </>
                ) : (
                  <>
                    {target} {label}
                  </>
                )}
              </li>
            );
          })}
          {all.length > shown.length && (
            <li>
              <button type="button" className="relations__more" onClick={() => setShowAll(true)}>
                Show all {all.length}
              </button>
            </li>
          )}
        </ul>
      )}
    </>
  );
}

function EndLink({ end, exists, state }: { end: RelationEnd; exists: boolean; state: ClusterState }) {
  const select = useAppStore((store) => store.select);
  const text = endText(state, end);
  if (!exists)
    return (
      <span className="relations__dangling">
        {text}{' '}
        <em className="relations__missing" title={`Nothing named ${endName(end)} exists`}>
          missing
        </em>
      </span>
    );
  return (
    <button
      type="button"
      className="relations__link"
      // Not the card's own name ("Pod app, Running"): the card and its link stay tellable apart.
      aria-label={`Select ${text}`}
      onClick={() => select(relationEndNodeId(end))}
    >
      {text}
    </button>
  );
}

/** "PVC data", "Disk vol-0a1…", "Driver ebs.csi.aws.com": the kind as the cards print it, and the name. */
function endText(state: ClusterState, end: RelationEnd): string {
  if (end.kind === 'Driver') return `Driver ${end.name}`;
  if (end.kind === 'Asset') {
    const asset = state.infra.assets[end.id];
    return asset ? `${ASSET_KIND_LABELS[asset.kind]} ${assetName(asset)}` : describeAsset(end.id);
  }
  return `${kindLabelOf(end.kind)} ${shownName(end)}`;
}

function endName(end: RelationEnd): string {
  return end.kind === 'Asset' ? end.id : end.name;
}
