/** kubepath's mark: a route through three hops, inside a rounded hexagon (a nod to the pod). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
      <path
        d="M16 2.5 27.7 9.25v13.5L16 29.5 4.3 22.75V9.25L16 2.5Z"
        fill="var(--brand)"
        stroke="var(--brand-strong)"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
      <path
        d="M9.5 20.5c2.5 0 3-2.2 4.2-4.5s1.8-4.5 4.3-4.5h4.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <circle cx="9.5" cy="20.5" r="2.1" fill="#fff" />
      <circle cx="16" cy="16" r="1.5" fill="#fff" />
      <path d="m21.2 8.6 3.4 2.9-3.4 2.9" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
