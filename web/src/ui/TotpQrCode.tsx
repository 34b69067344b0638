import qrcode from 'qrcode-generator';

/** Light modules around the code, as the QR specification asks, so that cameras find its edges. */
const QUIET_ZONE = 4;

/**
 * The otpauth URI as a QR code for an authenticator app's camera: SVG made of React elements,
 * one path of unit squares, because the CSP forbids data: images and style attributes. The URI
 * is ASCII (its label and issuer are percent-encoded), which byte mode encodes as it is.
 */
export function TotpQrCode({ uri, label }: { uri: string; label: string }) {
  const code = qrcode(0, 'M');
  code.addData(uri);
  code.make();
  const count = code.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let d = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) if (code.isDark(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
  }
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width="192" height="192" shapeRendering="crispEdges" className="mb-4">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
