/**
 * The IAM role an AWS network's data planes assume (dcgw-docs 000, "Derive the Konnect IAM Role ARN"):
 * `arn:aws:iam::<Konnect's AWS account id>:role/<network id>`. The account id is the AWS provider account's
 * `provider_account_id`.
 */
export function iamRoleArn(awsAccountId: string, networkId: string): string {
  return `arn:aws:iam::${awsAccountId}:role/${networkId}`;
}
