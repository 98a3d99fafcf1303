/**
 * Lesson prose: a small Markdown subset (paragraphs, `code`, *emphasis*, **strong**) turned into
 * React elements. Text never becomes HTML, so nothing in a lesson can run script.
 */
import type { ReactNode } from 'react';

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/g;

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    const id = `${key}-${index}`;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
      return <code key={id}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3)
      return <strong key={id}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('*') && part.endsWith('*') && part.length > 1)
      return <em key={id}>{part.slice(1, -1)}</em>;
    return part;
  });
}

export function Prose({ text }: { text: string }) {
  return (
    <div className="prose">
      {text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>{inline(paragraph.trim(), `p${index}`)}</p>
      ))}
    </div>
  );
}
