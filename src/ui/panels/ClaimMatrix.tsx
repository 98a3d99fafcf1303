/** "Why is my PVC Pending?": every volume against every matching criterion, pass or fail. */
import type { ClaimBindingExplanation } from '../../engine';

const CRITERION_TITLES: Readonly<Record<string, string>> = {
  class: 'Class',
  capacity: 'Capacity',
  accessModes: 'Access modes',
  volumeMode: 'Volume mode',
  selector: 'Selector',
  nodeAffinity: 'Node affinity',
  claimRef: 'Claim ref',
  phase: 'Phase',
};

const SYMBOL = { pass: '✓', fail: '✗', 'n/a': '–' } as const;

export function ClaimMatrix({ explanation }: { explanation: ClaimBindingExplanation }) {
  return (
    <div className="claim-matrix">
      <p className="claim-matrix__summary" role="status">
        {explanation.summary}
      </p>
      {explanation.rows.length === 0 ? (
        <p className="panel-empty">There are no PersistentVolumes at all.</p>
      ) : (
        <table aria-label={`Volumes checked against claim ${explanation.claim.name}`}>
          <thead>
            <tr>
              <th scope="col">Volume</th>
              {explanation.criteria.map((criterion) => (
                <th scope="col" key={criterion}>
                  {CRITERION_TITLES[criterion] ?? criterion}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {explanation.rows.map((row) => (
              <tr key={row.volume} className={row.eligible ? 'is-eligible' : ''}>
                <th scope="row">{row.volume}</th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.criterion}
                    className={`cell-${cell.result === 'n/a' ? 'na' : cell.result}`}
                    title={cell.detail}
                  >
                    <span aria-hidden="true">{SYMBOL[cell.result]}</span>
                    <span className="visually-hidden">{`${cell.result}: `}</span>
                    <span className="cell-detail">{cell.detail}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
