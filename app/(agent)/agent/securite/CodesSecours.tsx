// The recovery codes, shown once right after they are made.
export function CodesSecours({ codes }: { codes: string[] }) {
  return (
    <div className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-950" role="status">
      <p className="font-bold">Vos 10 codes de secours</p>
      <p className="mt-1">
        Notez-les ou imprimez-les maintenant et gardez-les en lieu sûr : ils ne seront plus affichés. Chacun remplace
        une seule fois le code de votre application si vous n&apos;avez pas votre téléphone.
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-lg" aria-label="Codes de secours">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
