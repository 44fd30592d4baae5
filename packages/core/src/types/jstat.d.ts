// jstat ships no types; this is the one function Spearmint uses.
declare module 'jstat' {
  const jStat: {
    readonly studentt: {
      /** The quantile of Student's t with `dof` degrees of freedom at probability `p`. */
      inv(p: number, dof: number): number;
    };
  };
  export default jStat;
}
