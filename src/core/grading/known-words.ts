/**
 * Words that are answers in their own right in back-end development, plus everyday words that sit one
 * letter away from a technical term ("mutes" and "mutex", "flash" and "flask"). A typed word found here
 * is a different answer, never a typo. A deck adds its own answers through `vocabulary`.
 */
export const KNOWN_WORDS: readonly string[] = `
  access account acid action adapter address agent alert alias alpine ambassador annotation apache api app
  append argument array assert async atomic attach audit auth autoscaler await backend backup balancer bare
  bash batch binary bind bit block blob bool boot branch bridge broker browser bucket buffer build bulkhead
  bundle byte cache call callback canary cert chain channel chart check chmod chroot circuit claim class
  clause client clone cloud cluster clusterip code collection column command commit compile compose
  composer compression config configmap connect connection console consul consumer container containerd
  context contest content controller cookie copy core count cpu crash cron cronjob cursor daemon daemonset
  data database date deadlock debug decode decorator default delete deploy deployment detach device dict
  diff digest directory discovery disk django dns docker dockerfile document domain download driver drop
  dump edge egress emulation encode endpoint engine entry entrypoint enum env error etcd event except
  exception exec exit expect export expose fetch field file filter flag flask float flow folder fork form
  format frame from frontend function gateway generator get git graph grant group grpc hash head header
  heap helm hook host http https hypervisor image import index ingress inode input insert instance integer
  interface invoke iterable iterator job join json jsonb kafka kernel key kubectl kubelet label lambda
  latency layer lead leader level library limit link lint list listen load local lock log login logout
  loop map mask master match memory merge mesh message meta method metric middleware migrate migration
  mock mode model modal module monitor mount mssql mutex mysql name namespace native network node nodeport
  null number object offset operator option order output overlay owner package packet page parse
  partition patch path pattern payload peer pipe pipeline plan player plugin pod point pointer policy poll
  polling pool pooling port post postgres print private probe process profile program project prompt
  proxy public pull push put python query queue quota quote race raft range rate read reader record redis
  reduce reducer registry regex release remote render replica replicaset replicate repo repository request
  reset resource response rest restart restore result retry return role rollback rollout root route
  router row rule runtime saga sample scale scan schema scheme scope script secret select selector
  semaphore server service session set setter sftp shard shell sidecar signal simulation sink site size slice
  slot socket sort source span spec sql sqlite stack stage state stateful statefulset static status
  stream string struct subnet supervisor switch symbol sync syntax table tag tail task tcp template tenant
  test text thread throw ticket timer tls token tool topic trace track transaction tree trigger tuple type udp
  union unique unit update upgrade upload upsert uri url user value variable vector venv version view
  virtualenv vm volume watch webhook websocket where while window worker write yaml yield zone

  affinity bath broken cash catch correction cost datagram diagram flash threat
  distinct district doctor employment fridge getaway headlock impotent infinity insect inspect invert
  junction locker lost massage medal most motel mutes part police queen revolver
  rolling pulling share shared sharded fort toxic tonic translation unbound white word work world
`
  .split(/\s+/)
  .filter(Boolean);
