// Browser uploads from the workspace's pages go straight to Blob Storage (Put Block and Put Block List through the hub's
// write-only URL), so the blob service needs a CORS rule for the hub's public origin. A module of its own, deployed after
// the function app: the origin is the app's host name (or the custom domain in Pages__PublicBaseUrl), known only then.
// The rule's methods and headers are SharingHub.Storage.BlobCors's (the self-host sets the same on Azurite); a test
// compares them.

@description('Name of the storage account.')
param storageAccountName string

@description('Origins the pages are served from, such as https://sharinghub.example.no (no path, no trailing slash).')
param origins string[]

@description('Days deleted blobs and containers can be restored: the same as storage.bicep, since this deployment sets the blob service as a whole.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 7

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    cors: {
      corsRules: [
        {
          allowedOrigins: origins
          allowedMethods: [
            'PUT'
            'OPTIONS'
          ]
          allowedHeaders: [
            'content-type'
            'x-ms-*'
          ]
          exposedHeaders: [
            'x-ms-request-id'
            'x-ms-error-code'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}
