import { SOURCE_LABELS, sourceDate, sourceHost, type FigureSource, type UsedFigureGroup } from './figures-used';

function Source({ source }: { source: FigureSource }) {
  if (source.kind !== 'catalog') return <span className="italic text-slate-600 dark:text-slate-300">{SOURCE_LABELS[source.kind]}</span>;
  return (
    <a href={source.url} title={source.url} className="block truncate text-blue-800 underline decoration-slate-300 underline-offset-2 [overflow-wrap:anywhere] hover:decoration-blue-700 dark:text-blue-300 dark:decoration-slate-600">
      {sourceHost(source.url)}
    </a>
  );
}

/** Every figure the simulation used, grouped by model and provider, each with its source and as-of date. */
export function ReportFigures({ groups }: { groups: UsedFigureGroup[] }) {
  const head = 'py-1 pr-2 text-left text-[10px] font-medium text-slate-500 dark:text-slate-400';
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[560px] table-fixed border-collapse text-[11px] leading-tight text-slate-800 dark:text-slate-200">
        <caption className="sr-only">Figures used, with their sources and as-of dates</caption>
        <thead>
          <tr>
            <th scope="col" className={`${head} w-[22%]`}>
              Figure
            </th>
            <th scope="col" className={`${head} w-[30%]`}>
              Value
            </th>
            <th scope="col" className={head}>
              Source
            </th>
            <th scope="col" className={`${head} w-[14%] whitespace-nowrap`}>
              As of
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.id}>
            <tr className="break-after-avoid">
              <th scope="rowgroup" colSpan={4} className="pb-0.5 pt-2 text-left text-[11.5px] font-semibold text-slate-900 dark:text-slate-50">
                {group.title}
              </th>
            </tr>
            {group.figures.map((figure) => (
              <tr key={figure.label} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-[3px] pr-2 text-left font-normal text-slate-600 dark:text-slate-300">
                  {figure.label}
                </th>
                <td className="tabular py-[3px] pr-2">
                  {figure.value}
                  {figure.note ? <span className="block text-[10px] text-slate-500 dark:text-slate-400">{figure.note}</span> : null}
                </td>
                <td className="py-[3px] pr-2">
                  <Source source={figure.source} />
                </td>
                <td className="tabular whitespace-nowrap py-[3px]">
                  {figure.source.kind === 'catalog' ? sourceDate(figure.source.asOf) : '—'}
                  {figure.source.kind === 'catalog' && !figure.source.verified ? (
                    <span className="ml-1 text-amber-800 dark:text-amber-300">
                      <span aria-hidden="true">†</span>
                      <span className="sr-only">(unverified)</span>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
